--TEST--
Faults from the tenant: a body cut mid-stream (MIME download, listing), an empty reply, a truncated gzip stream, invalid JSON, an HTML gateway page: each a clear exception, no half-written target, and the next call works
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/security.inc';
$t = MockTenant::start('basic');
$a = new SqzGraph\Authenticator(new SqzGraph\Config(sec_cc_options($t->authority, $t->graph)), new SqzGraph\FileStore(sec_tmp('f') . '/store'));
$m = new SqzGraph\Mailbox($a);
$inbox = $m->resolveFolder('inbox');
$first = null;
foreach ($m->messages($inbox->id) as $msg) {
    $first ??= $msg;
}
$out = sec_tmp('out');

function attempt(string $label, callable $f): void
{
    try {
        $r = $f();
        echo "$label: ok ", is_int($r) ? $r > 0 : count($r), "\n";
    } catch (SqzGraph\Exception $e) {
        $msg = preg_replace(['/127\.0\.0\.1:\d+/', '/[A-Za-z0-9+\/=_%-]{40,}/', '/request-id [0-9a-f-]+/'], ['HOST', 'ID', 'request-id R'], $e->getMessage());
        echo "$label: ", get_class($e), $e instanceof SqzGraph\TransportException ? ' curl ' . $e->curlCode() : '', "\n  $msg\n";
    }
}

// 1. Headers promise the whole body, half arrives, the connection closes (curl 18).
$t->fault(['path' => '/\$value$', 'action' => 'truncate', 'times' => 1]);
attempt('MIME cut mid-body', fn () => $first->saveMime("$out/mail.eml"));
echo "  target or temp file left: ", json_encode(array_values(array_diff(scandir($out), ['.', '..']))), "\n";
attempt('MIME again', fn () => $first->saveMime("$out/mail.eml"));
echo "  complete: ", filesize("$out/mail.eml") === $first->size ? 'yes' : filesize("$out/mail.eml") . ' vs ' . $first->size, "\n";
// The same download gzip'd and cut short, then with a wrong CRC-32: the file that was there stays as it was.
$before = hash_file('sha256', "$out/mail.eml");
foreach (['gzip_truncated' => 'MIME gzip cut short', 'gzip_bad_crc' => 'MIME gzip CRC-32 wrong'] as $action => $label) {
    $t->fault(['path' => '/\$value$', 'action' => $action, 'times' => 1]);
    attempt($label, fn () => $first->saveMime("$out/mail.eml"));
    echo "  target unchanged, no temp file: ", json_encode(hash_file('sha256', "$out/mail.eml") === $before
        && array_values(array_diff(scandir($out), ['.', '..'])) === ['mail.eml']), "\n";
}

$t->fault(['path' => 'inbox/messages|/messages\?', 'action' => 'truncate', 'times' => 1]);
attempt('listing cut mid-body', fn () => iterator_to_array($m->messages($inbox->id)));

// 2. Connection closed without a byte (curl 52).
$t->fault(['path' => '/messages\?', 'action' => 'drop', 'times' => 1]);
attempt('empty reply', fn () => iterator_to_array($m->messages($inbox->id)));

// 3. gzip stream cut in half; Content-Length matches: only the gzip stream shows the cut.
$t->fault(['path' => '/messages\?', 'action' => 'gzip_truncated', 'times' => 1]);
attempt('truncated gzip', fn () => iterator_to_array($m->messages($inbox->id)));

// 4. 200 with JSON cut inside a string.
$t->fault(['path' => '/messages\?', 'action' => 'invalid_json', 'times' => 1]);
attempt('invalid JSON', fn () => iterator_to_array($m->messages($inbox->id)));

// 5. An application gateway's HTML page.
$t->fault(['path' => '/messages\?', 'action' => 'html', 'status' => 502, 'times' => 1]);
attempt('HTML 502', fn () => iterator_to_array($m->messages($inbox->id)));

attempt('afterwards', fn () => iterator_to_array($m->messages($inbox->id)));
?>
--EXPECTF--
MIME cut mid-body: SqzGraph\TransportException curl 18
  gave up after 1 attempt: GET %s failed: %r(transfer closed with \d+ bytes remaining to read|end of response with \d+ bytes missing)%r (curl error 18)
  target or temp file left: []
MIME again: ok 1
  complete: yes
MIME gzip cut short: SqzGraph\TransportException curl 61
  gave up after 1 attempt: GET %s failed: the answer (HTTP 200) could not be decoded: it ends before the gzip stream does (the answer was cut short) (curl error 61)
  target unchanged, no temp file: true
MIME gzip CRC-32 wrong: SqzGraph\TransportException curl 61
  gave up after 1 attempt: GET %s failed: the answer (HTTP 200) could not be decoded: its CRC-32 or length does not match the data (curl error 61)
  target unchanged, no temp file: true
listing cut mid-body: SqzGraph\TransportException curl 18
  %s(curl error 18)
empty reply: SqzGraph\TransportException curl 52
  gave up after 1 attempt: GET %s failed: Empty reply from server (curl error 52)
truncated gzip: SqzGraph\TransportException curl 61
  gave up after 1 attempt: GET %s failed: the answer (HTTP 200) could not be decoded: it ends before the gzip stream does (the answer was cut short) (curl error 61)
invalid JSON: SqzGraph\GraphException
  %s is not valid JSON: %s
HTML 502: SqzGraph\GraphException
  gave up after 1 attempt: Graph GET %s failed: HTTP 502 with an HTML page (a proxy or gateway error?) — Microsoft Graph is temporarily unavailable; the job retries later (request-id R)
afterwards: ok 5
