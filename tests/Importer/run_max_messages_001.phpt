--TEST--
Importer::run(): max_messages per run, oldest first by receivedDateTime (not by arrival in the mailbox); $progress's total is what this run takes
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
im_add($f, 'Received in 2020', ['received' => '2020-03-01T09:00:00Z']);     // added last, received first
im_add($f, 'Received in 2023', ['received' => '2023-12-31T23:59:59Z']);
$im = im_importer($f, ['max_messages' => 3]);
for ($run = 1; $run <= 3; $run++) {
    $totals = [];
    $r = $im->run(im_handler($f), function (int $done, ?int $total) use (&$totals) { $totals[] = "$done/$total"; });
    echo "run $run: ", implode(' ', $totals), "\n";
    im_report($f, $r);
}
im_where($f);
im_show_calls($f);
?>
--EXPECT--
run 1: 1/3 2/3 3/3
imported=3 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Received in 2020: imported
  Received in 2023: imported
  Invoice 1: imported
run 2: 1/3 2/3 3/3
imported=3 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 2: imported
  Invoice 3: imported
  No attachment: imported
run 3: 1/1
imported=1 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  fixture: imported
Inbox: 
Exported: Received in 2020, Received in 2023, Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
handler calls:
  Received in 2020 start=1 done=1
  Received in 2023 start=1 done=1
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=1
  fixture start=1 done=1
