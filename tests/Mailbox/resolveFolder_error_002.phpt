--TEST--
Mailbox::resolveFolder(): no match throws FolderNotFoundException naming the closest folders (closest()); invalid specs are refused
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('sample');
$m = mb_mailbox($t);
foreach (['Exportd', 'eror', 'Inbox/Invoices/2025', 'Inbox/Invoice/2024', 'Nothing like it at all', 'Hidden Stuf'] as $spec) {
    $e = mb_catch(fn () => $m->resolveFolder($spec));
    echo $spec, ' => ', get_class($e), ' ', json_encode($e->closest(), JSON_UNESCAPED_SLASHES), "\n";
    echo '  ', $e->getMessage(), "\n";
}
show('marker', $e instanceof SqzGraph\Exception);
foreach (['A//B', '/'] as $spec) {
    $e = mb_catch(fn () => $m->resolveFolder($spec));
    echo $spec, ' => ', get_class($e), ': ', $e->getMessage(), "\n";
}
foreach (['', "In\0box"] as $spec) {
    $e = mb_catch(fn () => $m->resolveFolder($spec));
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
Exportd => SqzGraph\FolderNotFoundException ["Exported"]
  folder 'Exportd' was not found in the mailbox; closest folders: 'Exported'; check the name, or give a path such as Inbox/Invoices
eror => SqzGraph\FolderNotFoundException ["Error"]
  folder 'eror' was not found in the mailbox; closest folders: 'Error'; check the name, or give a path such as Inbox/Invoices
Inbox/Invoices/2025 => SqzGraph\FolderNotFoundException ["Inbox/Invoices/2024"]
  folder 'Inbox/Invoices/2025' was not found in the mailbox: no folder '2025' at level 3 of the path; closest folders: 'Inbox/Invoices/2024'
Inbox/Invoice/2024 => SqzGraph\FolderNotFoundException ["Inbox/Invoices"]
  folder 'Inbox/Invoice/2024' was not found in the mailbox: no folder 'Invoice' at level 2 of the path; closest folders: 'Inbox/Invoices'
Nothing like it at all => SqzGraph\FolderNotFoundException []
  folder 'Nothing like it at all' was not found in the mailbox; check the name, or give a path such as Inbox/Invoices
Hidden Stuf => SqzGraph\FolderNotFoundException []
  folder 'Hidden Stuf' was not found in the mailbox; check the name, or give a path such as Inbox/Invoices
marker: true
A//B => SqzGraph\ConfigException: folder path 'A//B' has an empty part; write A/B/C, and \/ for a slash inside a name
/ => SqzGraph\ConfigException: folder path '/' has an empty part; write A/B/C, and \/ for a slash inside a name
ValueError: SqzGraph\Mailbox::resolveFolder(): Argument #1 ($nameOrPath) must be a non-empty folder name or path without NUL bytes
ValueError: SqzGraph\Mailbox::resolveFolder(): Argument #1 ($nameOrPath) must be a non-empty folder name or path without NUL bytes
