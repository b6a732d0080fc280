<?php
declare(strict_types=1);

/*
 * The Contoso tenant shared by the 'sample' and 'basic' seeds.
 * Returns a function: (list $messages, list $extraFolders) => tenant array.
 */
return static function (array $messages, array $folders = []): array {
    return [
        'id' => '7d3c1e52-5b7a-4b1f-9a62-2f1a4c0e8b11',
        'name' => 'Contoso',
        'domains' => ['contoso.example', 'contoso.onmicrosoft.example'],
        'default_user' => 'admin@contoso.example',
        'apps' => [[
            'client_id' => '3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c',
            'name' => 'Squeeze Mail Import',
            'secrets' => [
                ['value' => 'Sq~mock-secret-1.Contoso', 'expires' => '2099-12-31'],
                ['value' => 'Sq~expired-secret.Contoso', 'expires' => '2020-01-01'],
            ],
            // Loopback URIs match on any port (Microsoft's loopback rule); the https one exactly.
            'redirect_uris' => [
                'http://127.0.0.1/api/v2/importers/email/authenticate/end',
                'http://localhost/api/v2/importers/email/authenticate/end',
                'https://squeeze.contoso.example/api/v2/importers/email/authenticate/end',
            ],
            'roles' => ['Mail.ReadWrite'],
            'delegated' => ['Mail.ReadWrite', 'Mail.ReadWrite.Shared', 'User.Read'],
        ], [
            'client_id' => 'c0ffee00-0000-4000-8000-00000000d0c5',
            'name' => 'Public test client',
            'public_client' => true,
            'redirect_uris' => ['http://localhost/callback'],
        ]],
        'users' => [[
            'id' => 'a1b2c3d4-0000-4000-8000-000000000001',
            'upn' => 'admin@contoso.example',
            'name' => 'Contoso Admin',
            'folders' => array_merge([
                ['name' => 'Exported'],
                ['name' => 'Error'],
                ['name' => 'Invoices', 'parent' => 'inbox'],
                ['name' => '2024', 'parent' => 'Inbox/Invoices'],
                ['name' => 'Hidden Stuff', 'hidden' => true],
                ['name' => 'Unread invoices', 'search' => true],
            ], $folders),
            'messages' => $messages,
        ], [
            'id' => 'a1b2c3d4-0000-4000-8000-000000000002',
            'upn' => "o'brien+mail@contoso.example",
            'name' => "Pat O'Brien",
            'messages' => [['subject' => "Hello O'Brien", 'attachments' => [['name' => 'a.pdf', 'content_type' => 'application/pdf', 'size' => 2000]]]],
        ]],
    ];
};
