--TEST--
Importer::run(): an ambiguous folder (german seed: Fehler twice) or a missing one stops the run with the resolveFolder exception before any message is touched
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('german', ['flow' => 'client_credentials', 'tenant_id' => 'de0de0de-2222-4333-8444-555566667777',
    'client_id' => 'de0c11e0-aaaa-4bbb-8ccc-dddddddddddd', 'client_secret' => 'Geheim~1.Beispiel', 'mailbox' => 'buchhaltung@beispiel.example',
    'folders' => ['inbox' => 'inbox', 'exported' => 'Exportiert', 'error' => 'Fehler']]);
$before = json_encode(array_map(fn ($x) => count($x['messages']), array_column($f->t->folderContents($f->mailbox)['folders'], null, 'path')));
$since = im_seq($f);
try {
    im_importer($f)->run(function () { echo "handler called\n"; });
} catch (SqzGraph\AmbiguousFolderException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
    echo 'candidates: ', json_encode($e->candidates(), JSON_UNESCAPED_UNICODE), "\n";
}
im_show_requests($f, $since);
echo 'nothing moved: ', json_encode($before === json_encode(array_map(fn ($x) => count($x['messages']),
    array_column($f->t->folderContents($f->mailbox)['folders'], null, 'path')))), "\n";
echo 'journal: ', json_encode((new SqzGraph\FileStore($f->storeDir))->get('import.journal')), "\n";

echo "--- the path Posteingang/Fehler is unambiguous\n";
$r = im_importer($f, [], null, null, ['folders' => ['inbox' => 'inbox', 'exported' => 'Exportiert', 'error' => 'Posteingang/Fehler']])
    ->run(im_handler($f, ['save_mime' => false]));
im_report($f, $r, false);

echo "--- a missing folder (basic seed)\n";
$f = im_start('basic', ['folders' => ['inbox' => 'Inbox', 'exported' => 'Exported', 'error' => 'Errors']]);
$since = im_seq($f);
try {
    im_importer($f)->run(function () { echo "handler called\n"; });
} catch (SqzGraph\FolderNotFoundException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
im_show_requests($f, $since);
im_where($f);
?>
--EXPECT--
SqzGraph\AmbiguousFolderException: error 'Fehler' is ambiguous: 2 folders have that name: 'Fehler', 'Posteingang/Fehler'; configure the full path of the one you mean
candidates: ["Fehler","Posteingang\/Fehler"]
requests:
  GET /mailFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/inbox -> 200
nothing moved: true
journal: null
--- the path Posteingang/Fehler is unambiguous
imported=7 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
--- a missing folder (basic seed)
SqzGraph\FolderNotFoundException: error 'Errors' was not found in the mailbox; closest folders: 'Error'; check the name, or give a path such as Inbox/Invoices
requests:
  GET /mailFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/Inbox -> 200
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: 
