--TEST--
Importer::run(): the optional third callable $fetching(count, done, total) is called once the listing is known, before the run downloads a window it had not fetched ahead (before the first handler and $progress call; with concurrency 1 for every window); an exception from it ends the run with nothing moved; without it nothing changes
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$p = (new ReflectionMethod('SqzGraph\Importer', 'run'))->getParameters();
echo 'run(): ', implode(', ', array_map(fn ($x) => ($x->getType() ?? '') . ' $' . $x->getName()
    . ($x->isOptional() ? ' = ' . var_export($x->getDefaultValue(), true) : ''), $p)), "\n";

$f = im_start('basic');
$events = [];
$handler = im_handler($f);
$r = im_importer($f)->run(
    function (SqzGraph\Message $m) use (&$events, $handler) {
        $events[] = 'handler ' . im_label($m->subject);
        return $handler($m);
    },
    function (int $done, ?int $total, SqzGraph\Message $m, string $outcome) use (&$events): void {
        $events[] = "progress $done/" . var_export($total, true) . " $outcome";
    },
    function (int $count, int $done, ?int $total) use (&$events): void {
        $events[] = "fetching $count (done $done, total " . var_export($total, true) . ')';
    });
im_report($f, $r, false);
echo '  ', implode("\n  ", $events), "\n";

echo "max_messages 2, 2 left in the Inbox:\n";
foreach (['A', 'B', 'C'] as $s) {
    im_add($f, "Late $s");
}
$events = [];
$r = im_importer($f, ['max_messages' => 2])->run(im_handler($f), null,
    function (int $count, int $done, ?int $total) use (&$events): void {
        $events[] = "fetching $count (done $done, total " . var_export($total, true) . ')';
    });
im_report($f, $r, false);
echo '  ', implode("\n  ", $events), "\n";

echo "an exception from \$fetching ends the run before any handler call:\n";
im_clear_calls($f);
try {
    im_importer($f)->run(im_handler($f), null, function (int $count): void {
        throw new RuntimeException("stop before fetching $count");
    });
    echo "  no exception\n";
} catch (RuntimeException $e) {
    echo '  ', get_class($e), ': ', $e->getMessage(), "\n";
}
echo '  handler calls: ', json_encode(im_calls($f)), "\n";
echo '  journal: ', json_encode(im_journal($f)), "\n";
im_where($f);

echo "concurrency 1 (nothing fetched ahead), 102 messages: one call per window of 100:\n";
for ($i = 1; $i <= 101; $i++) {
    im_add($f, sprintf('Bulk %03d', $i), ['attachments' => []]);
}
$events = [];
$r = im_importer($f, [], null, null, ['concurrency' => 1])->run(im_handler($f, ['save_mime' => false]),
    function (int $done, ?int $total, SqzGraph\Message $m, string $outcome) use (&$events): void {
        if ($done % 20 === 0 || $done === 1 || $done === $total) {
            $events[] = "progress $done/" . var_export($total, true);
        }
    },
    function (int $count, int $done, ?int $total) use (&$events): void {
        $events[] = "fetching $count (done $done, total " . var_export($total, true) . ')';
    });
im_report($f, $r, false);
echo '  ', implode("\n  ", $events), "\n";
?>
--EXPECT--
run(): callable $handler, ?callable $progress = NULL, ?callable $fetching = NULL
imported=5 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  fetching 5 (done 0, total 5)
  handler Invoice 1
  handler Invoice 2
  handler Invoice 3
  handler No attachment
  handler fixture
  progress 1/5 imported
  progress 2/5 imported
  progress 3/5 imported
  progress 4/5 imported
  progress 5/5 imported
max_messages 2, 2 left in the Inbox:
imported=2 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  fetching 2 (done 0, total 2)
an exception from $fetching ends the run before any handler call:
  RuntimeException: stop before fetching 1
  handler calls: []
  journal: []
Inbox: Late C
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture, Late A, Late B
Error: 
concurrency 1 (nothing fetched ahead), 102 messages: one call per window of 100:
imported=102 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  fetching 100 (done 0, total 102)
  fetching 2 (done 0, total 102)
  progress 1/102
  progress 20/102
  progress 40/102
  progress 60/102
  progress 80/102
  progress 100/102
  progress 102/102
