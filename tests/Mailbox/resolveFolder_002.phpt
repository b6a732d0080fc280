--TEST--
Mailbox::resolveFolder(): paths A/B/C and /A/B/C walk display names from the top, case-insensitively; "\/" escapes a slash in a name
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('sample');
$q = $t->addFolder(ADMIN, 'Q1/Q2', 'inbox');
$t->addFolder(ADMIN, 'Sub', $q['id']);
$t->addFolder(ADMIN, 'Q2', 'inbox');                  // a decoy: "Inbox/Q1/Q2" must not find it
$m = mb_mailbox($t);
$ids = [];
foreach ($t->folderContents(ADMIN)['folders'] as $f) {
    $ids[$f['id']] = $f['path'];
}
foreach (['Inbox/Invoices/2024', '/Inbox/Invoices/2024', 'inbox/INVOICES/2024', 'Inbox/Invoices/', 'Sync Issues/Conflicts',
    'Inbox/Q1\/Q2', '/Inbox/Q1\/Q2/Sub', 'Q1\/Q2', 'Inbox/Q2'] as $spec) {
    $f = $m->resolveFolder($spec);
    printf("%-22s => %-18s name %-8s mock path %s\n", $spec, $f->path, $f->name, $ids[$f->id]);
}
echo mb_describe(mb_catch(fn () => $m->resolveFolder('Inbox/Q1/Q2'))), "\n";
echo mb_describe(mb_catch(fn () => $m->resolveFolder('Invoices/2024'))), "\n";
?>
--EXPECT--
Inbox/Invoices/2024    => Inbox/Invoices/2024 name 2024     mock path Inbox/Invoices/2024
/Inbox/Invoices/2024   => Inbox/Invoices/2024 name 2024     mock path Inbox/Invoices/2024
inbox/INVOICES/2024    => Inbox/Invoices/2024 name 2024     mock path Inbox/Invoices/2024
Inbox/Invoices/        => Inbox/Invoices     name Invoices mock path Inbox/Invoices
Sync Issues/Conflicts  => Sync Issues/Conflicts name Conflicts mock path Sync Issues/Conflicts
Inbox/Q1\/Q2           => Inbox/Q1\/Q2       name Q1/Q2    mock path Inbox/Q1/Q2
/Inbox/Q1\/Q2/Sub      => Inbox/Q1\/Q2/Sub   name Sub      mock path Inbox/Q1/Q2/Sub
Q1\/Q2                 => Inbox/Q1\/Q2       name Q1/Q2    mock path Inbox/Q1/Q2
Inbox/Q2               => Inbox/Q2           name Q2       mock path Inbox/Q2
SqzGraph\FolderNotFoundException
SqzGraph\FolderNotFoundException
