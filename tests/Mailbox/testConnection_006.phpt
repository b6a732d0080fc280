--TEST--
Mailbox::testConnection(): delegated access to another mailbox needs Mail.ReadWrite.Shared (and a share): the permissions check names what is missing
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$t->control('POST', 'shares', ['owner' => OBRIEN, 'grantee' => ADMIN]);
$origin = $t->baseUrl;
// Signed in as admin@ with Mail.ReadWrite only, configured for O'Brien's mailbox.
$m = mb_mailbox($t, ['mailbox' => OBRIEN, 'scopes' => ['openid', 'profile', 'offline_access', "$origin/Mail.ReadWrite"]], true, ADMIN);
$r = $m->testConnection();
show('ok', $r['ok']);
show('checks', array_map(fn ($c) => $c['ok'], $r['checks']));
echo str_replace($origin, 'GRAPH', preg_replace('/\(request-id [0-9a-f-]+\)/', '(request-id …)', $r['checks']['permissions']['detail'])), "\n";
// With the shared scope (the default when a mailbox is configured) everything is fine.
$m = mb_mailbox($t, ['mailbox' => OBRIEN], true, ADMIN);
$r = $m->testConnection();
show('checks (O\'Brien has no Exported/Error folders)', array_map(fn ($c) => $c['ok'], $r['checks']));
echo str_replace($origin, 'GRAPH', $r['checks']['permissions']['detail']), "\n";
?>
--EXPECT--
ok: false
checks: {"token":true,"mailbox":false,"clock":true,"folder.inbox":false,"folder.exported":false,"folder.error":false,"permissions":false}
delegated scopes: GRAPH/Mail.ReadWrite openid profile offline_access (Mail.ReadWrite.Shared MISSING); read: not checked (no Inbox); write: not checked
checks (O'Brien has no Exported/Error folders): {"token":true,"mailbox":true,"clock":true,"folder.inbox":true,"folder.exported":false,"folder.error":false,"permissions":true}
delegated scopes: GRAPH/Mail.ReadWrite GRAPH/Mail.ReadWrite.Shared openid profile offline_access (Mail.ReadWrite.Shared granted); read: ok; write: ok
