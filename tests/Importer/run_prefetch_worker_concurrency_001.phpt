--TEST--
Importer::run(): the prefetch worker's fetch, its moves and the handlers share the mailbox's 4 concurrent requests (slots) — the worker fills all 4 when the handlers send nothing; a handler's own Graph request, even through a second Mailbox object the run cannot see, waits for a free slot and goes out as soon as one of the worker's $batches is answered, long before the next window's fetch is over; the mailbox never sees more than 4 requests (no 429)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
$f = im_start('basic');
for ($i = 1; $i <= 185; $i++) {
    im_add($f, sprintf('Bulk %03d', $i), ['attachments' => [['name' => "b$i.pdf", 'content_type' => 'application/pdf', 'size' => 3000]]]);
}
$f->t->setLatency(300 * MockTenant::slowdown());    // window 2 (90 messages) is 9 $batches: 3 rounds
$since = im_seq($f);
$mb = im_mailbox($f);
$r = im_importer($f)->run(function (SqzGraph\Message $m) use ($mb) {
    static $asked = false;
    if (!$asked) {
        $asked = true;
        $mb->message($m->id);    // while window 2 is being fetched ahead
    }
});
im_report($f, $r, false);
$g = pf_graph($f, $since);
$start = fn ($x) => $x['ts'] - $x['ms'] / 1000;
$fetches = array_values(array_filter($g, fn ($x) => $x['members'] !== [] && str_contains($x['members'][0]['target'], '/$value')));
$window2 = array_slice($fetches, 10);    // window 1 is 100 messages: 10 $batches
$own = array_values(array_filter($g, fn ($x) => $x['members'] === [] && $x['method'] === 'GET' && preg_match('~/messages/[^/?]+$~', parse_url($x['target'], PHP_URL_PATH))));
echo '$batches of window 2: ', count($window2), "\n";
echo 'most of them in flight together: ', pf_max_in_flight($window2), "\n";
echo 'the handler\'s own requests: ', count($own), "\n";
if ($own !== [] && $window2 !== []) {
    $lastEnd = max(array_map(fn ($x) => $x['ts'], $window2));
    echo 'the handler\'s request answered before window 2\'s fetch was over: ', json_encode($own[0]['ts'] < $lastEnd), "\n";
}
echo 'most in flight as the mock counted its mailbox slots: ', $f->t->maxInFlight(IM_ADMIN), "\n";
echo 'answered 429: ', count(array_filter($g, fn ($x) => $x['status'] === 429)), "\n";
?>
--EXPECT--
imported=190 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
$batches of window 2: 9
most of them in flight together: 4
the handler's own requests: 1
the handler's request answered before window 2's fetch was over: true
most in flight as the mock counted its mailbox slots: 4
answered 429: 0
