--TEST--
Mailbox::resolveFolder() and Config's folders are bounded by what Exchange allows: a name over 255 characters (counted as characters, not bytes) or a path over 300 levels is a ConfigException at once, without a request (a 1 MB name took 20 s before); 255 characters are still looked up; the closest-folder suggestion lists the nearest first, at most five
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t);
$m->folders();
foreach (['1 MB name' => str_repeat('x', 1000000), '256 characters' => str_repeat('é', 256), '301 levels' => str_repeat('a/', 300) . 'b',
    'a long name deep in a path' => 'Inbox/' . str_repeat('z', 300) . '/x'] as $label => $spec) {
    $s = mb_seq($t);
    $e = mb_catch(fn () => $m->resolveFolder($spec));
    echo "$label: ", get_class($e), ': ', $e->getMessage(), "\n";
    show('  requests', count(mb_graph($t, $s)));
}
$e = mb_catch(fn () => $m->resolveFolder(str_repeat('é', 255)));
echo '255 characters: ', get_class($e), "\n";
show('300 levels of a path that does not exist', get_class(mb_catch(fn () => $m->resolveFolder(str_repeat('a/', 299) . 'b'))));

foreach (['Exporte', 'Exportet', 'Export', 'Exp', 'Expo', 'Exporteds'] as $n) {
    $t->addFolder(ADMIN, $n, 'Error');
}
$e = mb_catch(fn () => $m->resolveFolder('Exportd'));
echo $e->getMessage(), "\n";

$e = mb_catch(fn () => new SqzGraph\Config(mb_options($t, ['folders' => ['inbox' => str_repeat('y', 10000000)]])));
echo get_class($e), ': ', $e->getMessage(), "\n";
$e = mb_catch(fn () => new SqzGraph\Config(mb_options($t, ['folders' => ['error' => 'Inbox/' . str_repeat('ü', 256)]])));
echo get_class($e), ': ', $e->getMessage(), "\n";
show('255 characters are fine', (new SqzGraph\Config(mb_options($t, ['folders' => ['error' => str_repeat('ü', 255)]])))->toArray()['folders']['error'] === str_repeat('ü', 255));
?>
--EXPECT--
1 MB name: SqzGraph\ConfigException: the requested folder names a folder of 1000000 characters; Exchange folder names have at most 255
  requests: 0
256 characters: SqzGraph\ConfigException: the requested folder names a folder of 256 characters; Exchange folder names have at most 255
  requests: 0
301 levels: SqzGraph\ConfigException: the requested folder is a path of 301 levels; Exchange folders nest at most 300 deep
  requests: 0
a long name deep in a path: SqzGraph\ConfigException: the requested folder names a folder of 300 characters; Exchange folder names have at most 255
  requests: 0
255 characters: SqzGraph\FolderNotFoundException
300 levels of a path that does not exist: 'SqzGraph\\FolderNotFoundException'
folder 'Exportd' was not found in the mailbox; closest folders: 'Error/Export', 'Error/Exporte', 'Exported', 'Error/Exporteds', 'Error/Exportet'; check the name, or give a path such as Inbox/Invoices
SqzGraph\ConfigException: folders[inbox] names a folder of 10000000 characters; Exchange folder names have at most 255
SqzGraph\ConfigException: folders[error] names a folder of 256 characters; Exchange folder names have at most 255
255 characters are fine: true
