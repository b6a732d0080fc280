<?php
declare(strict_types=1);

/*
 * Scale case (bench/scale.php): tenant Tailspin Toys with one application that reads 50 shared
 * mailboxes through client credentials (application role Mail.ReadWrite) and 2 users who sign in
 * themselves (delegated, refresh tokens). Every mailbox has Exported and Error folders and an Inbox of
 * 10 small delivery notes (a short text body, one 12 KB PDF), so that the import of one costs little
 * and the run measures the coordination of many mailboxes, not the transfer of bytes.
 * The bench replaces the messages (more, or none) through the same structure.
 */
$t = strtotime('2024-04-01T08:00:00Z');
$notes = static function (string $who, int $n) use ($t): array {
    $out = [];
    for ($i = 1; $i <= $n; $i++) {
        $out[] = ['subject' => sprintf('Delivery note %s-%03d', $who, $i), 'received' => $t + $i * 300,
            'from' => ['name' => 'Wide World Importers', 'address' => 'dispatch@wideworldimporters.example'],
            'body' => "Delivery note $who-$i attached.\r\nKind regards,\r\nWide World Importers dispatch\r\n",
            'attachments' => [['name' => sprintf('delivery-%s-%03d.pdf', $who, $i), 'content_type' => 'application/pdf',
                'size' => 12 * 1024]]];
    }
    return $out;
};
$folders = [['name' => 'Exported'], ['name' => 'Error']];
$users = [];
for ($k = 1; $k <= 50; $k++) {
    $users[] = ['id' => sprintf('5ca1e000-0000-4000-8000-1000000000%02d', $k), 'upn' => sprintf('shared%02d@tailspin.example', $k),
        'name' => sprintf('Shared mailbox %02d', $k), 'folders' => $folders, 'messages' => $notes(sprintf('S%02d', $k), 10)];
}
foreach ([['dana', 'Dana Delegate', 'd1'], ['eli', 'Eli Delegate', 'd2']] as [$u, $name, $tag]) {
    $users[] = ['id' => sprintf('5ca1e000-0000-4000-8000-2000000000%s', $tag), 'upn' => "$u@tailspin.example",
        'name' => $name, 'folders' => $folders, 'messages' => $notes(strtoupper($u), 10)];
}
return ['tenants' => [[
    'id' => '5ca1e000-0000-4000-8000-000000000001',
    'name' => 'Tailspin Toys',
    'domains' => ['tailspin.example'],
    'default_user' => 'dana@tailspin.example',
    'apps' => [[
        'client_id' => '5ca1e000-0000-4000-8000-0000000a0001', 'name' => 'Squeeze (scale)',
        'secrets' => [['value' => 'Scale~secret-1.Tailspin', 'expires' => '2099-12-31']],
        'roles' => ['Mail.ReadWrite'],
        'redirect_uris' => ['http://127.0.0.1/api/v2/importers/email/authenticate/end'],
        'delegated' => ['Mail.ReadWrite', 'User.Read'],
    ]],
    'users' => $users,
]]];
