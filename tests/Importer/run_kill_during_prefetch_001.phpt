--TEST--
Importer::run() killed (SIGKILL, by another process) while its prefetch $batch is in flight — before any handler: nothing is journaled, every message is still in the Inbox; the next run removes the dead run's temporary directory and imports each message once
--SKIPIF--
<?php $needs = ['posix']; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
$f = im_start('basic');
$tmp = pf_private_tmp($f);
// The run's first $batch is the prefetch: the mock holds it 1.5 s.
$rule = $f->t->fault(['method' => 'POST', 'path' => '/\$batch$', 'nth' => 1, 'action' => 'delay', 'delay_ms' => 1500]);
$since = im_seq($f);
$child = im_child_start($f, []);
$arrived = im_wait_for(function () use ($f, $rule) {
    foreach ($f->t->faults() as $x) {
        if ($x['id'] === $rule && $x['fired'] === 1) {
            return true;
        }
    }
    return false;
}, 180);
posix_kill($child['pid'], SIGKILL);
im_show_child($f, 'prefetch arrived: ' . json_encode($arrived) . ', child', im_child_wait($child));
echo 'mock answered it: ', json_encode(im_wait_for(fn () => array_filter($f->t->requests($since), fn ($x) => $x['fault'] === "delay#$rule") !== [], 180)), "\n";
im_show_journal($f);
im_show_calls($f);
im_where($f);
// one file: the window's MIMEs, one region per message
echo 'left behind: ', json_encode(array_map(fn ($x) => preg_replace('~^sqzgraph-import-\d+-\w{6}~', 'sqzgraph-import-PID-XXXXXX', $x), pf_tmp_files($tmp))), "\n";

echo "--- the next run\n";
$c = im_child($f, []);
im_show_child($f, 'run', $c);
im_show_calls($f);
im_where($f);
im_show_journal($f);
echo 'left behind: ', json_encode(pf_tmp_files($tmp)), "\n";
?>
--EXPECT--
prefetch arrived: true, child: killed by signal 9
mock answered it: true
journal: ["(none)"]
handler calls:
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: 
left behind: ["sqzgraph-import-PID-XXXXXX\/ (1 files)"]
--- the next run
run: exit 0
imported=5 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: imported
  Invoice 2: imported
  Invoice 3: imported
  No attachment: imported
  fixture: imported
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=1
  fixture start=1 done=1
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
left behind: []
