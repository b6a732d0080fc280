--TEST--
Importer::run(): an exception from the handler that is not about the message — the grant revoked (ReauthenticationRequiredException), access denied (403) — ends the run with that exception; the message is not failed (not sent to Error, no attempt counted), nothing else is touched; after re-authorization the next run finishes
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
$im = im_importer($f);
$lines = [];
$logging = im_importer($f, [], function (string $level, string $message) use (&$lines) {
    if (str_starts_with($message, 'import run') || str_starts_with($message, 'message ')) {
        $lines[] = "$level " . preg_replace('/in \d+\.\d+ s/', 'in N s', preg_replace('/^message \S+/', 'message ID', $message));
    }
});

echo "--- the grant is revoked while Invoice 2 is imported\n";
try {
    $logging->run(im_handler($f, ['before' => ['Invoice 2' => function (SqzGraph\Message $m) use ($f) {
        $f->t->revokeRefreshTokens(IM_ADMIN, 50173);
        $f->t->expireAccessTokens();
        // The MIME was fetched ahead of the handler; a Graph request of the handler's own meets the revoked grant.
        im_mailbox($f)->message($m->id);
    }]]));
    echo "no exception\n";
} catch (SqzGraph\Exception $e) {
    echo get_class($e), ': ', preg_replace('/(AADSTS50173): .*/', '$1: …', $e->getMessage()), "\n";
}
echo 'logger: ', json_encode($lines), "\n";
im_where($f, true);
im_show_journal($f);
im_show_calls($f);

echo "--- not re-authorized yet: the next run stops at its first request\n";
$since = im_seq($f);
try {
    $im->run(im_handler($f));
} catch (SqzGraph\Exception $e) {
    echo get_class($e), "\n";
}
echo 'Graph requests: ', count(im_requests($f, $since)), "\n";

echo "--- re-authorized: the next run finishes; Invoice 2's interrupted call was no attempt\n";
im_sign_in($f);
$f->t->fault(['method' => 'GET', 'path' => preg_quote(rawurlencode(im_id($f, 'No attachment')), '~') . '/\$value', 'batch_member' => 'any', 'status' => 403, 'times' => 2]);
try {
    $im->run(im_handler($f));
} catch (SqzGraph\GraphException $e) {
    echo get_class($e), ' ', $e->statusCode(), "\n";
}
im_where($f, true);
im_show_journal($f);
$r = $im->run(im_handler($f));
im_report($f, $r);
im_show_calls($f);
im_where($f);
?>
--EXPECT--
--- the grant is revoked while Invoice 2 is imported
SqzGraph\ReauthenticationRequiredException: refreshing the access token for application 3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c failed: AADSTS50173: …
logger: ["info import run: 0 imported, 0 failed, 0 deferred, 0 vanished, 0 resumed in N s"]
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: 
journal: ["Invoice 1: imported/1"]
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=0
--- not re-authorized yet: the next run stops at its first request
SqzGraph\ReauthenticationRequiredException
Graph requests: 0
--- re-authorized: the next run finishes; Invoice 2's interrupted call was no attempt
SqzGraph\GraphException 403
Inbox: Invoice 2, Invoice 3, No attachment, fixture
Exported: Invoice 1
Error: 
journal: ["Invoice 2: imported/1","Invoice 3: imported/1"]
imported=2 failed=0 deferred=0 vanished=0 resumed=2 locked=false aborted=NULL
  Invoice 2: resumed
  Invoice 3: resumed
  No attachment: imported
  fixture: imported
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=2 done=1
  Invoice 3 start=1 done=1
  No attachment start=2 done=1
  fixture start=1 done=1
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
