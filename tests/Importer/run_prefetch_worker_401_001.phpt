--TEST--
Importer::run(): a 401 (an access token refused) on the request the prefetch worker sends (beside its fetch of the next window) for the moves of the window before to check where the messages are (a listing of the Inbox over their receivedDateTime span, sent after the first two windows were fetched) — the worker cannot refresh the token, so the moves are sent again from the PHP thread with a refreshed one; every message is imported and moved, the run ends normally
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
function bulk(): ImFixture
{
    $f = im_start('basic');
    for ($i = 1; $i <= 245; $i++) {
        im_add($f, sprintf('Bulk %03d', $i), ['attachments' => [['name' => "b$i.pdf", 'content_type' => 'application/pdf', 'size' => 3000]]]);
    }
    return $f;
}
$f = bulk();
// The first check of where moved messages are (window 1's moves, which the worker sends beside its fetch of window 3
// during window 2): a listing of the Inbox over their receivedDateTime span.
$f->t->fault(['method' => 'GET', 'path' => '/messages\?\$filter=receivedDateTime', 'nth' => 1, 'status' => 401,
    'body' => ['error' => ['code' => 'InvalidAuthenticationToken', 'message' => 'Access token has expired or is not yet valid.']]]);
$since = im_seq($f);
$warnings = [];
$r = im_importer($f, [], function (string $level, string $message, array $context) use (&$warnings) {
    if ($level !== 'debug') {
        $warnings[] = "$level $message";
    }
})->run(function (SqzGraph\Message $m) {});
im_report($f, $r, false);
$g = pf_graph($f, $since);
$refused = array_values(array_filter($g, fn ($x) => $x['status'] === 401));
echo 'requests answered 401: ', count($refused), "\n";
$start = fn ($x) => $x['ts'] - $x['ms'] / 1000;
$before = array_filter($g, fn ($x) => $start($x) < $start($refused[0]));
// Windows 1 and 2 (100 messages each: 10 $batches each) are the first 20 fetch $batches to start; window 3's go beside
// the listing (or are cut short and fetched again at its turn once the moves failed).
$fetches = array_values(array_filter($g, fn ($x) => $x['members'] !== [] && str_contains($x['members'][0]['target'], '/$value')));
usort($fetches, fn ($a, $b) => $start($a) <=> $start($b));
echo 'the one answered 401 is the first location listing: ', json_encode(im_is_location_listing($refused[0]['target'])
    && array_filter($before, fn ($x) => im_is_location_listing($x['target'])) === []), ', sent after ',
    count(array_filter(array_slice($fetches, 0, 20), fn ($x) => $x['ts'] <= $start($refused[0]) + 0.001)),
    " \$batches were answered (windows 1 and 2 fetched: sent by the worker during window 2); a move \$batch before it: ",
    json_encode(array_filter($before, fn ($x) => $x['members'] !== [] && $x['members'][0]['method'] === 'POST') !== []), "\n";
$listings = array_values(array_filter($g, fn ($x) => im_is_location_listing($x['target'])));
echo 'location listings: ', implode(', ', array_column($listings, 'status')), '; the refused one sent again: ',
    json_encode($listings[1]['target'] === $refused[0]['target']), "\n";
echo 'still in the Inbox: ', count($f->t->messagesIn(IM_ADMIN, 'Inbox')), "\n";
echo 'in Exported: ', count($f->t->messagesIn(IM_ADMIN, 'Exported')), "\n";
echo 'journal: ', json_encode(im_journal($f)), "\n";
?>
--EXPECT--
imported=250 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
requests answered 401: 1
the one answered 401 is the first location listing: true, sent after 20 $batches were answered (windows 1 and 2 fetched: sent by the worker during window 2); a move $batch before it: false
location listings: 401, 200, 200; the refused one sent again: true
still in the Inbox: 0
in Exported: 250
journal: []
