--TEST--
Mailbox::testConnection(): an ambiguous or missing folder fails its check with every candidate path (candidates) and never throws
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('german');
$m = mb_german($t, ['folders' => ['inbox' => 'inbox', 'exported' => 'Exportiert', 'error' => 'Fehler']]);
$r = $m->testConnection();
show('ok', $r['ok']);
foreach (['folder.inbox', 'folder.exported', 'folder.error'] as $name) {
    $c = $r['checks'][$name];
    echo "$name: ok=", json_encode($c['ok']), ' ', $c['detail'], isset($c['candidates']) ? ' candidates=' . json_encode($c['candidates'], JSON_UNESCAPED_SLASHES) : '', "\n";
}
show('others', array_map(fn ($c) => $c['ok'], array_intersect_key($r['checks'], array_flip(['token', 'mailbox', 'permissions', 'clock']))));
$m = mb_german($t, ['folders' => ['inbox' => 'Posteingang/Lieferanten', 'exported' => 'exportiet', 'error' => 'Posteingang/Fehler']]);
$r = $m->testConnection();
show('ok', $r['ok']);
foreach (['folder.inbox', 'folder.exported', 'folder.error'] as $name) {
    $c = $r['checks'][$name];
    echo "$name: ok=", json_encode($c['ok']), ' ', $c['detail'], isset($c['candidates']) ? ' candidates=' . json_encode($c['candidates'], JSON_UNESCAPED_SLASHES) : '', "\n";
}
?>
--EXPECT--
ok: false
folder.inbox: ok=true 'inbox' is Posteingang (7 messages)
folder.exported: ok=true 'Exportiert' is Exportiert (0 messages)
folder.error: ok=false error 'Fehler' is ambiguous: 2 folders have that name: 'Fehler', 'Posteingang/Fehler'; configure the full path of the one you mean candidates=["Fehler","Posteingang/Fehler"]
others: {"token":true,"mailbox":true,"clock":true,"permissions":true}
ok: false
folder.inbox: ok=true 'Posteingang/Lieferanten' is Posteingang/Lieferanten (0 messages)
folder.exported: ok=false exported 'exportiet' was not found in the mailbox; closest folders: 'Exportiert'; check the name, or give a path such as Inbox/Invoices candidates=["Exportiert"]
folder.error: ok=true 'Posteingang/Fehler' is Posteingang/Fehler (0 messages)
