<?php
declare(strict_types=1);

/*
 * Demo mailbox: Contoso, user admin@contoso.example, folders Inbox/Exported/Error (+ more),
 * 40 messages in the Inbox: 24 with one PDF, 4 without attachments, 1 very large (8 MiB PDF),
 * 1 "poison", 9 real MIME messages from fixtures/mime, 1 with only a reference attachment.
 */
$tenant = require __DIR__ . '/_contoso.php';
$suppliers = [['Fabrikam Billing', 'billing@fabrikam.example'], ['Northwind Traders', 'invoices@northwind.example'],
    ['Tailspin Toys', 'ap@tailspin.example'], ['Wide World Importers', 'accounts@wideworld.example']];
$messages = [];
$t = strtotime('2024-01-05T10:00:00Z');
for ($i = 1; $i <= 24; $i++) {
    [$name, $addr] = $suppliers[$i % 4];
    $messages[] = [
        'subject' => sprintf('Invoice INV-2024-%04d', $i),
        'from' => ['name' => $name, 'address' => $addr],
        'to' => [['name' => 'Contoso Admin', 'address' => 'admin@contoso.example']],
        'received' => $t + $i * 3600,
        'body' => "Dear customer,\r\n\r\nplease find invoice INV-2024-" . sprintf('%04d', $i) . " attached.\r\n\r\n$name",
        'attachments' => [['name' => sprintf('INV-2024-%04d.pdf', $i), 'content_type' => 'application/pdf',
            'size' => 20000 + 7919 * $i]],
    ];
}
foreach (['Team meeting notes', 'Newsletter January', 'Lunch on Friday?', 'Out of office'] as $k => $s) {
    $messages[] = ['subject' => $s, 'received' => $t + (30 + $k) * 3600, 'body' => "No attachment here ($s).",
        'from' => ['name' => 'Colleague', 'address' => 'colleague@contoso.example']];
}
$messages[] = ['subject' => 'Scanned archive 2023 (very large)', 'received' => $t + 40 * 3600,
    'attachments' => [['name' => 'archive-2023.pdf', 'content_type' => 'application/pdf', 'size' => 8 * 1024 * 1024]]];
$messages[] = ['subject' => 'POISON: this message crashes the importer', 'received' => $t + 41 * 3600,
    'attachments' => [['name' => 'poison.pdf', 'content_type' => 'application/pdf', 'size' => 4096]]];
$messages[] = ['subject' => 'Shared link only', 'received' => $t + 42 * 3600,
    'attachments' => [['kind' => 'reference', 'name' => 'Budget.xlsx',
        'url' => 'https://contoso.sharepoint.example/personal/admin/Documents/Budget.xlsx']]];
foreach (['pmmp-m0013.eml', 'pmmp-m0014.eml', 'pmmp-issue158b.eml', 'pmmp-issue163.eml', 'pmmp-m0009.eml',
    'pmmp-issue274.eml', 'pmmp-m0004.eml', 'zb-m2012.eml', 'zb-m4007.eml'] as $k => $f) {
    $messages[] = ['mime_fixture' => $f, 'received' => $t + (50 + $k) * 3600];
}
return ['tenants' => [$tenant($messages)]];
