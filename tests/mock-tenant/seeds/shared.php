<?php
declare(strict_types=1);

/*
 * Client-credentials / shared-mailbox case: tenant Fabrikam. The daemon app has the
 * application role Mail.ReadWrite; a second app only Mail.Read; a third no role at all.
 * invoices@fabrikam.example is a shared mailbox (no sign-in), shared with alice for the
 * delegated Mail.ReadWrite.Shared case; nomailbox@ has no Exchange Online mailbox.
 */
$t = strtotime('2024-02-01T08:00:00Z');
$messages = [];
for ($i = 1; $i <= 12; $i++) {
    $messages[] = ['subject' => sprintf('Supplier invoice %03d', $i), 'received' => $t + $i * 600,
        'from' => ['name' => 'Litware Inc.', 'address' => 'billing@litware.example'],
        'attachments' => [['name' => sprintf('litware-%03d.pdf', $i), 'content_type' => 'application/pdf', 'size' => 15000 + $i * 101]]];
}
$messages[] = ['subject' => 'Question about order 4711', 'received' => $t + 13 * 600];
$messages[] = ['mime_fixture' => 'pmmp-issue274.eml', 'received' => $t + 14 * 600];
return ['tenants' => [[
    'id' => 'f4e5d6c7-1111-4222-8333-944455566677',
    'name' => 'Fabrikam',
    'domains' => ['fabrikam.example'],
    'default_user' => 'alice@fabrikam.example',
    'apps' => [
        ['client_id' => '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e', 'name' => 'Squeeze Daemon',
            'secrets' => [['value' => 'Daemon~secret-1.Fabrikam', 'expires' => '2099-12-31']],
            'roles' => ['Mail.ReadWrite'],
            'redirect_uris' => ['http://127.0.0.1/api/v2/importers/email/authenticate/end'],
            'delegated' => ['Mail.ReadWrite', 'Mail.ReadWrite.Shared', 'User.Read']],
        ['client_id' => '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'name' => 'Read-only daemon',
            'secrets' => [['value' => 'ReadOnly~secret.Fabrikam', 'expires' => '2099-12-31']],
            'roles' => ['Mail.Read']],
        ['client_id' => '0f0e0d0c-0b0a-4908-8706-050403020100', 'name' => 'Daemon without roles',
            'secrets' => [['value' => 'NoRoles~secret.Fabrikam', 'expires' => '2099-12-31']],
            'roles' => []],
    ],
    'users' => [
        ['id' => 'b0000000-0000-4000-8000-00000000a11c', 'upn' => 'alice@fabrikam.example', 'name' => 'Alice',
            'messages' => [['subject' => 'Alice private mail']]],
        ['id' => 'b0000000-0000-4000-8000-0000000000b0', 'upn' => 'bob@fabrikam.example', 'name' => 'Bob'],
        ['id' => 'b0000000-0000-4000-8000-000000001a1c', 'upn' => 'invoices@fabrikam.example', 'name' => 'Invoices (shared)',
            'shared_with' => ['alice@fabrikam.example'],
            'folders' => [['name' => 'Exported'], ['name' => 'Error']],
            'messages' => $messages],
        ['id' => 'b0000000-0000-4000-8000-00000000dead', 'upn' => 'nomailbox@fabrikam.example', 'name' => 'No Mailbox',
            'mailbox' => 'not_enabled', 'mailbox_status' => 404],
    ],
]]];
