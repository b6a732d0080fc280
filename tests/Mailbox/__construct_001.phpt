--TEST--
Mailbox::__construct(): delegated without a mailbox option addresses /me, nothing else
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t);
$s = mb_seq($t);
$inbox = $m->resolveFolder('Inbox');
$msgs = iterator_to_array($m->messages($inbox->id));
$m->saveMime($msgs[0]->id, fopen('php://memory', 'w+'));
$m->attachments($msgs[0]->id);
$m->move($msgs[0]->id, $inbox->id);
$m->moveMany([$msgs[1]->id], $inbox->id);
$roots = [];
foreach (mb_graph($t, $s) as $r) {
    $roots[] = preg_replace('~^/v1\.0(/[^/?]+).*$~', '$1', $r['target']);
    foreach ($r['members'] as $mem) {
        $roots[] = 'member ' . preg_replace('~^/v1\.0(/[^/?]+).*$~', '$1', $mem['target']);
    }
}
show('roots', array_values(array_unique($roots)));
show('messages', count($msgs));
?>
--EXPECT--
roots: ["/me","/$batch","member /me"]
messages: 5
