--TEST--
Importer::run(): the worker's log lines reach the logger when the next window's turn comes — by then every verdict of the window before is in the journal (killed at the first of those lines: the next run calls no handler twice), and a fatal error in the logger among them ends the process cleanly (no line logged twice, no crash)
--SKIPIF--
<?php $needs = ['posix']; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
function bulk(): ImFixture
{
    $f = im_start('basic');
    for ($i = 1; $i <= 195; $i++) {
        im_add($f, sprintf('Bulk %03d', $i), ['attachments' => [['name' => "b$i.pdf", 'content_type' => 'application/pdf', 'size' => 3000]]]);
    }
    $f->t->setLatency(100);
    return $f;
}
// 200 messages: two windows of 100. The first window's 10 $batches are logged as they return; the 11th $batch line
// is the first of the worker's (window 2), replayed after the 100th handler.
echo "--- killed (SIGKILL) at the 11th \$batch line\n";
$f = bulk();
$c = im_child($f, ['log_kill' => ['pattern' => '\$batch', 'nth' => 11]]);
echo 'run 1: ', $c['end'], "\n";
$j = im_journal($f);
echo 'journal: ', count($j), ' entries, not "imported": ', json_encode(array_values(array_filter($j, fn ($x) => !str_contains($x, ': imported')))), "\n";
$c = im_child($f, []);
echo 'run 2: ', $c['end'], "\n";
$twice = array_values(array_filter(im_calls($f), fn ($l) => !str_contains($l, 'start=1 done=1')));
echo 'handlers not called exactly once: ', json_encode($twice), "\n";
echo 'handler calls: ', count(im_calls($f)), "\n";
echo 'left in the Inbox: ', count($f->t->messagesIn(IM_ADMIN, 'Inbox')), "\n";

foreach ([11, 12, 13] as $nth) {
    echo "--- a fatal error in the logger at the {$nth}th \$batch line\n";
    $f = bulk();
    $c = im_child($f, ['log_kill' => ['pattern' => '\$batch', 'nth' => $nth, 'fatal' => true]]);
    echo 'run 1: ', $c['end'], "\n";
    echo 'fatal error reported: ', json_encode(str_contains($c['stdout'] . $c['stderr'], 'fatal error in the logger')), "\n";
    $c = im_child($f, []);
    echo 'run 2: ', $c['end'], "\n";
    echo 'handlers not called exactly once: ', json_encode(array_values(array_filter(im_calls($f), fn ($l) => !str_contains($l, 'start=1 done=1')))), "\n";
    echo 'left in the Inbox: ', count($f->t->messagesIn(IM_ADMIN, 'Inbox')), "\n";
}
?>
--EXPECT--
--- killed (SIGKILL) at the 11th $batch line
run 1: killed by signal 9
journal: 100 entries, not "imported": []
run 2: exit 0
handlers not called exactly once: []
handler calls: 200
left in the Inbox: 0
--- a fatal error in the logger at the 11th $batch line
run 1: exit 255
fatal error reported: true
run 2: exit 0
handlers not called exactly once: []
left in the Inbox: 0
--- a fatal error in the logger at the 12th $batch line
run 1: exit 255
fatal error reported: true
run 2: exit 0
handlers not called exactly once: []
left in the Inbox: 0
--- a fatal error in the logger at the 13th $batch line
run 1: exit 255
fatal error reported: true
run 2: exit 0
handlers not called exactly once: []
left in the Inbox: 0
