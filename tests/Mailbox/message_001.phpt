--TEST--
Mailbox::message(): one message by id; the id ('/', '+', '=' inside) is percent-encoded in the path; same properties as in the listing
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
// Ids are random base64: add messages until one holds all three characters.
$id = null;
for ($i = 0; $i < 60 && $id === null; $i++) {
    $r = $t->addMessage(ADMIN, ['subject' => "Probe $i", 'received' => 1700000000 + $i]);
    $x = $r['immutable_id'];
    if (strpbrk($x, '/') && strpbrk($x, '+') && strpbrk($x, '=')) {
        $id = $x;
        $subject = "Probe $i";
    }
}
show('found an id with / + =', $id !== null);
$m = mb_mailbox($t);
$s = mb_seq($t);
$msg = $m->message($id);
show('subject', $msg->subject === $subject);
show('id', $msg->id === $id);
$log = mb_graph($t, $s);
show('requests', count($log));
show('path', parse_url($log[0]['target'], PHP_URL_PATH) === '/v1.0/me/messages/' . rawurlencode($id));
show('no raw / + = in the id segment', !preg_match('~/messages/[^/?]*[+=]~', $log[0]['target']) && substr_count(parse_url($log[0]['target'], PHP_URL_PATH), '/') === 4);
show('query', mb_query($log[0]['target']));
$listed = null;
foreach ($m->messages('inbox') as $x) {
    if ($x->id === $id) {
        $listed = $x;
    }
}
$props = fn ($o) => [$o->id, $o->internetMessageId, $o->subject, $o->from, $o->fromName, $o->receivedAt, $o->hasAttachments, $o->size];
show('same as listed', $props($listed) === $props($msg));
show('a new object each call', $m->message($id) !== $msg);
?>
--EXPECT--
found an id with / + =: true
subject: true
id: true
requests: 1
path: true
no raw / + = in the id segment: true
query: {"$select":"id,internetMessageId,subject,from,receivedDateTime,hasAttachments","$expand":"singleValueExtendedProperties($filter=id eq 'Integer 0x0E08')"}
same as listed: true
a new object each call: true
