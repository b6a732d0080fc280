--TEST--
Importer::run(): a 401 (an access token refused) on a $batch the prefetch worker sends for the moves — the worker cannot refresh the token, so the moves are sent again from the PHP thread with a refreshed one; every message is imported and moved, the run ends normally
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
function bulk(): ImFixture
{
    $f = im_start('basic');
    for ($i = 1; $i <= 145; $i++) {
        im_add($f, sprintf('Bulk %03d', $i), ['attachments' => [['name' => "b$i.pdf", 'content_type' => 'application/pdf', 'size' => 3000]]]);
    }
    return $f;
}
/** 1-based number of the first location-check $batch among the run's $batches. */
function check_batch(ImFixture $f, int $since): ?int
{
    $n = 0;
    foreach (pf_graph($f, $since) as $x) {
        if ($x['members'] !== []) {
            $n++;
            if ($x['members'][0]['method'] === 'GET' && str_contains($x['members'][0]['target'], 'parentFolderId,categories')) {
                return $n;
            }
        }
    }
    return null;
}
$f = bulk();
$since = im_seq($f);
$r = im_importer($f)->run(function (SqzGraph\Message $m) {});
$nth = check_batch($f, $since);
echo 'the first location check is $batch number ', $nth, " (sent by the worker during window 2)\n";

$f = bulk();
$f->t->fault(['method' => 'POST', 'path' => '/\$batch$', 'nth' => $nth, 'status' => 401,
    'body' => ['error' => ['code' => 'InvalidAuthenticationToken', 'message' => 'Access token has expired or is not yet valid.']]]);
$since = im_seq($f);
$warnings = [];
$r = im_importer($f, [], function (string $level, string $message, array $context) use (&$warnings) {
    if ($level !== 'debug') {
        $warnings[] = "$level $message";
    }
})->run(function (SqzGraph\Message $m) {});
im_report($f, $r, false);
echo '$batches answered 401: ', count(array_filter(pf_graph($f, $since), fn ($x) => $x['status'] === 401)), "\n";
echo 'still in the Inbox: ', count($f->t->messagesIn(IM_ADMIN, 'Inbox')), "\n";
echo 'in Exported: ', count($f->t->messagesIn(IM_ADMIN, 'Exported')), "\n";
echo 'journal: ', json_encode(im_journal($f)), "\n";
?>
--EXPECT--
the first location check is $batch number 13 (sent by the worker during window 2)
imported=150 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
$batches answered 401: 1
still in the Inbox: 0
in Exported: 150
journal: []
