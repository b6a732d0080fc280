<?php
declare(strict_types=1);

/*
 * Small and fast (for tests): the Contoso tenant of 'sample' with 5 Inbox messages
 * (3 with a small PDF, 1 without attachments, 1 real MIME fixture pmmp-m0013.eml).
 */
$tenant = require __DIR__ . '/_contoso.php';
$t = strtotime('2024-01-05T10:00:00Z');
$messages = [];
for ($i = 1; $i <= 3; $i++) {
    $messages[] = ['subject' => "Invoice $i", 'received' => $t + $i * 60,
        'attachments' => [['name' => "invoice-$i.pdf", 'content_type' => 'application/pdf', 'size' => 3000 + $i]]];
}
$messages[] = ['subject' => 'No attachment', 'received' => $t + 4 * 60];
$messages[] = ['mime_fixture' => 'pmmp-m0013.eml', 'received' => $t + 5 * 60];
return ['tenants' => [$tenant($messages)]];
