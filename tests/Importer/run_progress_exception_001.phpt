--TEST--
Importer::run(): an exception from $progress ends the run with that exception; the journal stays consistent and the next run finishes without calling the handler twice
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
$im = im_importer($f);
$calls = 0;
try {
    $im->run(im_handler($f, ['fail' => ['No attachment' => 'retry']]), function (int $done, ?int $total, SqzGraph\Message $m, string $o) use (&$calls) {
        $calls++;
        echo "progress $done/$total ", im_label($m->subject), " $o\n";
        if ($o === 'deferred') {   // the 4th message: three imports wait for their move
            throw new UnexpectedValueException('the progress bar broke');
        }
    });
    echo "no exception\n";
} catch (UnexpectedValueException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo "progress calls: $calls\n";
im_where($f);
im_show_journal($f);

echo "--- next run\n";
$r = $im->run(im_handler($f));
im_report($f, $r);
im_show_calls($f);
im_where($f);
im_show_journal($f);
?>
--EXPECT--
progress 1/5 No attachment deferred
UnexpectedValueException: the progress bar broke
progress calls: 1
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: 
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: imported/1"]
--- next run
imported=2 failed=0 deferred=0 vanished=0 resumed=3 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed
  Invoice 3: resumed
  No attachment: imported
  fixture: imported
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=2 done=1
  fixture start=1 done=1
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
