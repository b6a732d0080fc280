--TEST--
Importer::run(): a run that stops (5 transient handler failures: aborted "unavailable") while the prefetch worker is busy — the moves it was sending are waited for and reported, the window it was fetching ahead is not: no fetch $batch starts after the stop
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
$f = im_start('basic');
for ($i = 1; $i <= 95; $i++) {
    im_add($f, sprintf('Bulk %03d', $i), ['attachments' => [['name' => "b$i.pdf", 'content_type' => 'application/pdf', 'size' => 3000]]]);
}
// One MIME member of window 3 is held 6 s by the mock: the worker is still fetching when the run stops.
$held = $f->t->fault(['path' => '/\$value', 'batch_member' => true, 'nth' => 81, 'action' => 'delay', 'delay_ms' => 6000 * MockTenant::slowdown()]);
$since = im_seq($f);
$calls = 0;
$stopAt = null;
$r = im_importer($f)->run(function (SqzGraph\Message $m) use (&$calls, &$stopAt, $f, $held) {
    if (++$calls === 41) {
        // A defined point, not a race: window 3's fetch has reached the mock (its held member fired)
        // before the run stops, so every fetch $batch that starts after the stop would be a new one.
        im_wait_for(fn () => (array_values(array_filter($f->t->faults(), fn ($r) => $r['id'] === $held))[0]['fired'] ?? 0) > 0,
            30 * MockTenant::slowdown());
    }
    if ($calls > 40) {
        $stopAt = microtime(true);
        throw new SqzGraph\TransportException('the document store is unreachable');
    }
});
im_report($f, $r, false);
echo "handler calls: $calls\n";
$fetches = array_filter(pf_graph($f, $since), fn ($x) => $x['members'] !== [] && str_contains($x['members'][0]['target'], '/$value'));
echo 'fetch $batches started after the stop: ', count(array_filter($fetches, fn ($x) => $x['ts'] - $x['ms'] / 1000 > $stopAt)), "\n";
echo 'moved to Exported: ', count($f->t->messagesIn(IM_ADMIN, 'Exported')), "\n";
echo 'journal: ', json_encode(im_journal($f)), "\n";
?>
--EXPECT--
imported=40 failed=0 deferred=5 vanished=0 resumed=0 locked=false aborted='unavailable'
handler calls: 45
fetch $batches started after the stop: 0
moved to Exported: 40
journal: []
