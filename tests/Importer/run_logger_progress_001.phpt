--TEST--
Importer::run(): the Config logger gets one line per message (id, outcome, reason, ms) and one summary line; $progress(done, total, Message, outcome) after every message
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
$lines = [];
$logger = function (string $level, string $message, array $context) use (&$lines, $f): void {
    if (preg_match('~^(GET|POST|PATCH) ~', $message)) {
        $lines[] = 'http';   // the per-request debug lines of the Config logger
        return;
    }
    $ctx = [];
    foreach ($context as $k => $v) {
        $ctx[] = "$k=" . ($v === null ? 'null' : (in_array($k, ['ms', 'seconds'], true)
            ? (preg_match('/^\d+(\.\d+)?$/', $v) ? 'N' : "BAD:$v") : im_scrub($f, $v)));
    }
    $lines[] = "$level " . preg_replace('/in \d+\.\d{3} s/', 'in N s', im_scrub($f, $message)) . ' [' . implode(', ', $ctx) . ']';
};
$im = im_importer($f, [], $logger);
$progress = [];
$r = $im->run(im_handler($f, ['fail' => ['Invoice 2' => 'throw', 'No attachment' => 'retry']]),
    function (int $done, ?int $total, SqzGraph\Message $m, string $outcome) use (&$progress, $f): void {
        $progress[] = sprintf('%d/%s %s %s id=%s from=%s receivedAt=%s hasAttachments=%s size=%s', $done, var_export($total, true),
            im_label($m->subject), $outcome, isset($f->labels[$m->id]) ? 'ok' : 'BAD', $m->from, gmdate('H:i', $m->receivedAt),
            json_encode($m->hasAttachments), $m->size === null ? 'null' : ($m->size > 0 ? 'N' : 'BAD'));
    });
im_report($f, $r);
echo "progress:\n  ", implode("\n  ", $progress), "\n";
$http = count(array_filter($lines, fn ($l) => $l === 'http'));
echo "logger: $http request lines (one per request: ", json_encode($http === count(im_requests($f))), ")\n  ";
echo implode("\n  ", array_values(array_filter($lines, fn ($l) => $l !== 'http'))), "\n";
?>
--EXPECT--
imported=3 failed=1 deferred=1 vanished=0 resumed=0 locked=false aborted=NULL
  No attachment: deferred (retry_later: SqzGraph\RetryLaterException: the DMS is in maintenance)
  Invoice 1: imported
  Invoice 2: failed (handler_error: DomainException: cannot import Invoice 2)
  Invoice 3: imported
  fixture: imported
progress:
  1/5 No attachment deferred id=ok from=billing@fabrikam.example receivedAt=10:04 hasAttachments=false size=N
  2/5 Invoice 1 imported id=ok from=billing@fabrikam.example receivedAt=10:01 hasAttachments=true size=N
  3/5 Invoice 2 failed id=ok from=billing@fabrikam.example receivedAt=10:02 hasAttachments=true size=N
  4/5 Invoice 3 imported id=ok from=billing@fabrikam.example receivedAt=10:03 hasAttachments=true size=N
  5/5 fixture imported id=ok from=firstname.name@groupe-company.com receivedAt=10:05 hasAttachments=true size=N
logger: 10 request lines (one per request: true)
  warning message {No attachment}: deferred: retry_later: SqzGraph\RetryLaterException: the DMS is in maintenance (N ms) [id={No attachment}, outcome=deferred, reason=retry_later: SqzGraph\RetryLaterException: the DMS is in maintenance, ms=N]
  info message {Invoice 1}: imported (N ms) [id={Invoice 1}, outcome=imported, reason=null, ms=N]
  warning message {Invoice 2}: failed: handler_error: DomainException: cannot import Invoice 2 (N ms) [id={Invoice 2}, outcome=failed, reason=handler_error: DomainException: cannot import Invoice 2, ms=N]
  info message {Invoice 3}: imported (N ms) [id={Invoice 3}, outcome=imported, reason=null, ms=N]
  info message {fixture}: imported (N ms) [id={fixture}, outcome=imported, reason=null, ms=N]
  info import run: 3 imported, 1 failed, 1 deferred, 0 vanished, 0 resumed in N s [seconds=N, aborted=null]
