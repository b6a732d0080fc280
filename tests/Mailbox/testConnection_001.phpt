--TEST--
Mailbox::testConnection(): every check ok on a healthy mailbox: token, mailbox, folder.inbox/exported/error, permissions (scope + a read and a write that changes nothing), clock
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t);
$before = $t->messagesIn(ADMIN, 'inbox');
$s = mb_seq($t);
$r = $m->testConnection();
show('ok', $r['ok']);
show('checks', array_keys($r['checks']));
foreach ($r['checks'] as $name => $c) {
    printf("%-16s ok=%s %s\n", $name, json_encode($c['ok']), preg_replace('~http://127\.0\.0\.1:\d+/~', 'GRAPH/', preg_replace(['/expires \S+/', '/clock is \d+ s/'], ['expires …', 'clock is N s'], $c['detail'])));
}
show('folder ids = mock ids', [$r['checks']['folder.inbox']['id'] === array_values(array_filter($t->folderContents(ADMIN)['folders'],
    fn ($f) => $f['well_known'] === 'inbox'))[0]['id'], $r['checks']['folder.exported']['path'], $r['checks']['folder.error']['path']]);
show('skew', [is_int($r['checks']['clock']['skew']), abs($r['checks']['clock']['skew']) <= 2]);
show('the write changed nothing', $t->messagesIn(ADMIN, 'inbox') == $before);
show('a PATCH was made', (bool) array_filter(mb_graph($t, $s), fn ($x) => $x['method'] === 'PATCH' && $x['status'] === 200));
show('only Graph and no token request (the token is fresh)', array_values(array_unique(array_map(fn ($x) => substr($x['target'], 0, 6), $t->requests($s)))));
?>
--EXPECT--
ok: true
checks: ["token","mailbox","clock","folder.inbox","folder.exported","folder.error","permissions"]
token            ok=true delegated token for admin@contoso.example, expires …
mailbox          ok=true admin@contoso.example is reachable
clock            ok=true this server's clock is N s ahead of Graph's
folder.inbox     ok=true 'Inbox' is Inbox (5 messages)
folder.exported  ok=true 'Exported' is Exported (0 messages)
folder.error     ok=true 'Error' is Error (0 messages)
permissions      ok=true delegated scopes: GRAPH/Mail.ReadWrite openid profile offline_access (Mail.ReadWrite granted); read: ok; write: ok
folder ids = mock ids: [true,"Exported","Error"]
skew: [true,true]
the write changed nothing: true
a PATCH was made: true
only Graph and no token request (the token is fresh): ["/v1.0/"]
