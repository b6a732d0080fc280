--TEST--
Importer::run(): Inbox oldest first → Exported / Error, the ImportReport exactly, the journal empty afterwards, a second run finds nothing
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
$im = im_importer($f);
$r = $im->run(im_handler($f, ['fail' => ['No attachment' => 'false']]));
echo get_class($r), "\n";
var_dump($r->imported, $r->failed, $r->deferred, $r->vanished, $r->resumed, $r->locked, $r->aborted, $r->throttledUntil);
echo 'seconds: ', json_encode(is_float($r->seconds) && $r->seconds > 0 && $r->seconds < 120), "\n";
echo 'item keys: ', json_encode(array_unique(array_map(fn ($i) => implode(',', array_keys($i)), $r->items))), "\n";
im_report($f, $r);
im_where($f, true);
im_show_calls($f);
im_show_journal($f);
foreach (['imported' => 1, 'items' => []] as $prop => $v) {
    try {
        $r->$prop = $v;
    } catch (Error $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
try {
    new SqzGraph\ImportReport();
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

echo "--- second run\n";
im_clear_calls($f);
$r = $im->run(im_handler($f));
im_report($f, $r);
im_show_calls($f);
?>
--EXPECT--
SqzGraph\ImportReport
int(4)
int(1)
int(0)
int(0)
int(0)
bool(false)
NULL
NULL
seconds: true
item keys: ["id,subject,outcome,reason"]
imported=4 failed=1 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: imported
  Invoice 2: imported
  Invoice 3: imported
  No attachment: failed (handler_returned_false)
  fixture: imported
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, fixture
Error: No attachment ["Import failed: handler_returned_false"]
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=0 false=1
  fixture start=1 done=1
journal: []
Error: Cannot modify readonly property SqzGraph\ImportReport::$imported
Error: Cannot modify readonly property SqzGraph\ImportReport::$items
Error: Call to private SqzGraph\ImportReport::__construct() from global scope
--- second run
imported=0 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
handler calls:
