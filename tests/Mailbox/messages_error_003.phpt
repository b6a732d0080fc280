--TEST--
Mailbox::messages(): malformed JSON, a body cut short, an HTML error page, a dropped connection and Graph errors become clear exceptions, never a crash
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t);        // max_retries 0: every fault shows
$cases = [
    'invalid JSON' => ['action' => 'invalid_json'],
    'gzip cut short (Content-Length matches)' => ['action' => 'gzip_truncated'],
    'gzip with a wrong CRC-32' => ['action' => 'gzip_bad_crc'],
    'connection closed mid-body' => ['action' => 'truncate'],
    'HTML 502 page' => ['action' => 'html', 'status' => 502],
    'dropped' => ['action' => 'drop'],
    '404' => ['status' => 404],
    'JSON error 500 without code' => ['status' => 500, 'code' => '', 'message' => ''],
    'HTML 200' => ['action' => 'html', 'status' => 200],
];
foreach ($cases as $label => $rule) {
    $t->clearFaults();
    $t->fault($rule + ['path' => '/messages\?', 'times' => 1]);
    $s = mb_seq($t);
    $e = mb_catch(fn () => iterator_to_array($m->messages('inbox')));
    $log = mb_graph($t, $s);
    echo "$label: ", mb_describe($e), "\n  ", preg_replace('/\(request-id [0-9a-f-]+\)/', '(request-id …)', $e->getMessage()), "\n";
    if ($e instanceof SqzGraph\GraphException && $log[0]['status'] > 0) {
        echo '  requestId = response header: ', var_export($e->requestId() === $log[0]['request_id'], true), "\n";
    }
}
?>
--EXPECTF--
invalid JSON: SqzGraph\GraphException status=200 code=NULL
  Graph's answer to GET /me/mailFolders/inbox/messages is not valid JSON: the body ends in the middle of a JSON value (truncated?)
  requestId = response header: true
gzip cut short (Content-Length matches): SqzGraph\TransportException curl=61
  gave up after 1 attempt: GET /me/mailFolders/inbox/messages failed: the answer (HTTP 200) could not be decoded: it ends before the gzip stream does (the answer was cut short) (curl error 61)
gzip with a wrong CRC-32: SqzGraph\TransportException curl=61
  gave up after 1 attempt: GET /me/mailFolders/inbox/messages failed: the answer (HTTP 200) could not be decoded: its CRC-32 or length does not match the data (curl error 61)
connection closed mid-body: SqzGraph\TransportException curl=18
  gave up after 1 attempt: GET /me/mailFolders/inbox/messages failed: %r(transfer closed with \d+ bytes remaining to read|end of response with \d+ bytes missing)%r (curl error 18)
HTML 502 page: SqzGraph\GraphException status=502 code=NULL
  gave up after 1 attempt: Graph GET /me/mailFolders/inbox/messages failed: HTTP 502 with an HTML page (a proxy or gateway error?) — Microsoft Graph is temporarily unavailable; the job retries later (request-id …)
  requestId = response header: true
dropped: SqzGraph\TransportException curl=52
  gave up after 1 attempt: GET /me/mailFolders/inbox/messages failed: Empty reply from server (curl error 52)
404: SqzGraph\GraphException status=404 code='ErrorItemNotFound'
  Graph GET /me/mailFolders/inbox/messages failed: HTTP 404 ErrorItemNotFound: The specified object was not found in the store. — the item no longer exists in the mailbox (moved or deleted) (request-id …)
  requestId = response header: true
JSON error 500 without code: SqzGraph\GraphException status=500 code=NULL
  Graph GET /me/mailFolders/inbox/messages failed: HTTP 500 with a JSON body without an error code (request-id …)
  requestId = response header: true
HTML 200: SqzGraph\GraphException status=200 code=NULL
  Graph's answer to GET /me/mailFolders/inbox/messages is not valid JSON: unexpected character
  requestId = response header: true
