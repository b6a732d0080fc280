--TEST--
Importer::run(): the ImportReport's items become PHP arrays when first read, not before (a line packed costs far less than its array); the report outlives the Importer, and one dropped unread frees its lines
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
// run_report_002 reads the items every way under valgrind too.
if (getenv('USE_ZEND_ALLOC') === '0') die('skip memory_get_usage() counts nothing with PHP\'s allocator off');
?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$tenant = require __DIR__ . '/../mock-tenant/seeds/_contoso.php';
$t = strtotime('2024-01-05T10:00:00Z');
$messages = [];
for ($i = 1; $i <= 24; $i++) {
    $messages[] = ['subject' => sprintf('Line %02d', $i), 'received' => $t + $i * 60];
}
$f = im_start(['tenants' => [$tenant($messages)]]);
$handler = im_handler($f, ['save_mime' => false]);

$im = im_importer($f, ['max_messages' => 12]);
$r = $im->run($handler);
unset($im);
gc_collect_cycles();
$before = memory_get_usage();
$items = $r->items;
$grown = memory_get_usage() - $before;
// An item array is about 600 bytes (a hash of 8 buckets, its id of ~140 characters), its packed
// line, freed then, about 190: already built, reading the property would only count a reference.
echo count($items), ' items; reading them first grew PHP memory by at least 150 bytes a line: ', json_encode($grown >= 150 * count($items)), "\n";
$before = memory_get_usage();
$again = $r->items;
echo 'the second read builds nothing: ', json_encode(memory_get_usage() - $before < 100), ', the same array: ', json_encode($again === $items), "\n";
echo implode(' ', array_map(fn ($i) => $f->labels[$i['id']] . '=' . $i['outcome'], $items)), "\n";
unset($r, $items, $again);

// A report dropped unread: its packed lines go with it (the run's memory comes back).
$im = im_importer($f, ['max_messages' => 12]);
$base = memory_get_usage();
$r = $im->run($handler);
echo $r->imported, " imported, dropped unread\n";
unset($r);
echo 'memory back within 64 KB of before the run: ', json_encode(memory_get_usage() - $base < 65536), "\n";
im_where($f);

// The same call site over several reports whose items are not built yet (the engine's property
// cache warm after the first): each is built when read, none seen uninitialized.
$reports = [];
for ($i = 0; $i < 4; $i++) {
    $reports[] = $im->run($handler);
}
foreach ($reports as $k => $r) {
    echo $k, ': ', isset($r->items) ? 'set' : 'not set', ', ', count($r->items), ' items, ', json_encode($r->items), "\n";
}
?>
--EXPECT--
12 items; reading them first grew PHP memory by at least 150 bytes a line: true
the second read builds nothing: true, the same array: true
Line 01=imported Line 02=imported Line 03=imported Line 04=imported Line 05=imported Line 06=imported Line 07=imported Line 08=imported Line 09=imported Line 10=imported Line 11=imported Line 12=imported
12 imported, dropped unread
memory back within 64 KB of before the run: true
Inbox: 
Exported: Line 01, Line 02, Line 03, Line 04, Line 05, Line 06, Line 07, Line 08, Line 09, Line 10, Line 11, Line 12, Line 13, Line 14, Line 15, Line 16, Line 17, Line 18, Line 19, Line 20, Line 21, Line 22, Line 23, Line 24
Error: 
0: set, 0 items, []
1: set, 0 items, []
2: set, 0 items, []
3: set, 0 items, []
