--TEST--
Importer::run(): the prefetch worker keeps one of the mailbox's 4 concurrent requests free — a handler's own Graph request, even through a second Mailbox object the run cannot see, goes out at once while the worker's 3 $batches of the next window are in flight, and the mailbox never sees more than 4 requests (no 429)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
$f = im_start('basic');
for ($i = 1; $i <= 80; $i++) {
    im_add($f, sprintf('Bulk %03d', $i), ['attachments' => [['name' => "b$i.pdf", 'content_type' => 'application/pdf', 'size' => 3000]]]);
}
$f->t->setLatency(300 * MockTenant::slowdown());    // window 2 (25 messages) is 3 $batches
$since = im_seq($f);
$mb = im_mailbox($f);
$asked = null;
$r = im_importer($f)->run(function (SqzGraph\Message $m) use ($mb, &$asked) {
    if ($asked === null) {
        $asked = microtime(true);
        $mb->message($m->id);    // while window 2 is being fetched ahead
    }
});
im_report($f, $r, false);
$g = pf_graph($f, $since);
$start = fn ($x) => $x['ts'] - $x['ms'] / 1000;
$fetches = array_values(array_filter($g, fn ($x) => $x['members'] !== [] && str_contains($x['members'][0]['target'], '/$value')));
$own = array_values(array_filter($g, fn ($x) => $x['members'] === [] && $x['method'] === 'GET' && preg_match('~/messages/[^/?]+$~', parse_url($x['target'], PHP_URL_PATH))));
echo 'the handler\'s own requests: ', count($own), "\n";
$overlaps = fn ($a, $b) => $start($a) < $b['ts'] && $start($b) < $a['ts'];
echo 'the first 3 $batches of window 2 in flight together with it: ',
    $own === [] ? 0 : count(array_filter(array_slice($fetches, 6, 3), fn ($x) => $overlaps($x, $own[0]))), "\n";
echo 'most in flight as the mock counted its mailbox slots: ', $f->t->maxInFlight(IM_ADMIN), "\n";
echo 'answered 429: ', count(array_filter($g, fn ($x) => $x['status'] === 429)), "\n";
?>
--EXPECT--
imported=85 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
the handler's own requests: 1
the first 3 $batches of window 2 in flight together with it: 3
most in flight as the mock counted its mailbox slots: 4
answered 429: 0
