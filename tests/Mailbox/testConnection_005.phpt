--TEST--
Mailbox::testConnection(): a mailbox without Exchange Online (MailboxNotEnabledForRESTAPI) and an application without Mail.ReadWrite are reported check by check, never thrown
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('shared');
$strip = fn (string $s) => preg_replace(['/\(request-id [0-9a-f-]+\)/', '/expires \S+/', '/clock is \d+ s/'], ['(request-id …)', 'expires …', 'clock is N s'], $s);
$r = mb_fabrikam($t, 'nomailbox@fabrikam.example')->testConnection();
show('nomailbox ok', $r['ok']);
foreach ($r['checks'] as $name => $c) {
    echo "$name: ok=", json_encode($c['ok']), ' ', $strip($c['detail']), "\n";
}
echo "--\n";
$r = mb_fabrikam($t, 'invoices@fabrikam.example', ['client_id' => RO_CLIENT, 'client_secret' => RO_SECRET])->testConnection();
show('read-only ok', $r['ok']);
show('checks', array_map(fn ($c) => $c['ok'], $r['checks']));
echo preg_replace('~PATCH /users/invoices%40fabrikam\.example/messages/\S+ failed~', 'PATCH /users/invoices%40fabrikam.example/messages/ID failed',
    $strip($r['checks']['permissions']['detail'])), "\n";
echo "--\n";
$r = mb_fabrikam($t, 'invoices@fabrikam.example', ['client_id' => '0f0e0d0c-0b0a-4908-8706-050403020100', 'client_secret' => 'NoRoles~secret.Fabrikam'])->testConnection();
show('no roles ok', $r['ok']);
show('checks', array_map(fn ($c) => $c['ok'], $r['checks']));
echo $strip($r['checks']['mailbox']['detail']), "\n";
echo $strip($r['checks']['permissions']['detail']), "\n";
?>
--EXPECT--
nomailbox ok: false
token: ok=true client_credentials token, expires …
mailbox: ok=false Graph GET /users/nomailbox%40fabrikam.example/mailFolders/inbox failed: HTTP 404 MailboxNotEnabledForRESTAPI: The mailbox is either inactive, soft-deleted, or is hosted on-premise. — the mailbox is inactive, soft-deleted, hosted on-premises or has no Exchange Online licence; check the mailbox address and its licence (request-id …)
clock: ok=true this server's clock is N s ahead of Graph's
folder.inbox: ok=false Graph GET /users/nomailbox%40fabrikam.example/mailFolders failed: HTTP 404 MailboxNotEnabledForRESTAPI: The mailbox is either inactive, soft-deleted, or is hosted on-premise. — the mailbox is inactive, soft-deleted, hosted on-premises or has no Exchange Online licence; check the mailbox address and its licence (request-id …)
folder.exported: ok=false Graph GET /users/nomailbox%40fabrikam.example/mailFolders failed: HTTP 404 MailboxNotEnabledForRESTAPI: The mailbox is either inactive, soft-deleted, or is hosted on-premise. — the mailbox is inactive, soft-deleted, hosted on-premises or has no Exchange Online licence; check the mailbox address and its licence (request-id …)
folder.error: ok=false Graph GET /users/nomailbox%40fabrikam.example/mailFolders failed: HTTP 404 MailboxNotEnabledForRESTAPI: The mailbox is either inactive, soft-deleted, or is hosted on-premise. — the mailbox is inactive, soft-deleted, hosted on-premises or has no Exchange Online licence; check the mailbox address and its licence (request-id …)
permissions: ok=false application roles: Mail.ReadWrite; read: not checked (no Inbox); write: not checked
--
read-only ok: false
checks: {"token":true,"mailbox":true,"clock":true,"folder.inbox":true,"folder.exported":true,"folder.error":true,"permissions":false}
application roles: Mail.Read (Mail.ReadWrite MISSING: add it as an application permission and grant admin consent); read: ok; write: FAILED (Graph PATCH /users/invoices%40fabrikam.example/messages/ID failed: HTTP 403 ErrorAccessDenied: Access is denied. Check credentials and try again. — the application lacks access to this mailbox: grant Mail.ReadWrite (delegated: Mail.ReadWrite.Shared for a shared mailbox) with admin consent, and check any application access policy or RBAC for Applications scope (request-id …))
--
no roles ok: false
checks: {"token":true,"mailbox":false,"clock":true,"folder.inbox":false,"folder.exported":false,"folder.error":false,"permissions":false}
Graph GET /users/invoices%40fabrikam.example/mailFolders/inbox failed: HTTP 403 ErrorAccessDenied: Access is denied. Check credentials and try again. — the application lacks access to this mailbox: grant Mail.ReadWrite (delegated: Mail.ReadWrite.Shared for a shared mailbox) with admin consent, and check any application access policy or RBAC for Applications scope (request-id …)
application roles: (token not readable; judged by the requests below); read: not checked (no Inbox); write: not checked
