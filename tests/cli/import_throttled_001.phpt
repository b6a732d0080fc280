--TEST--
sqzgraph import throttled: a 429 wait longer than 3 s prints a line on stderr even without -v saying how long, a shorter one prints none, throttled $batch members too, and the run finishes (exit 0); a Retry-After beyond max_retry_wait stops the run (exit 1) saying until when in UTC and in the machine's local time (TZ, not date.timezone); the next run returns at once without a request and says it too; the verdict is the same in every zone
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!class_exists('SqzGraph\Importer')) die('skip SqzGraph\Importer not built yet'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$ini = cli_ini($t, $dir, 'cc', ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN,
    'max_retries' => 2, 'max_retry_wait' => 5]);
$norm = fn (string $s) => preg_replace(['~/mailFolders/[^/ ]+/messages~', '/ in [\d.]+ s( \([\d.]+ messages\/s\))?/'],
    ['/mailFolders/ID/messages', ' in N s'], cli_norm($s, $dir, $t));
// the Inbox listing (not the message requests, not $batch)
$listing = ['method' => 'GET', 'path' => '/mailFolders/[^/]+/messages\?', 'action' => 'status', 'status' => 429];

echo "--- a 429 with Retry-After: 1 (a short wait): no line\n";
$t->fault($listing + ['retry_after' => '1', 'times' => 1]);
[$rc, $out, $err] = cli(['import', '--config', $ini, '--target', "$dir/out", '--max-messages', '1']);
echo "exit $rc\n", $norm($err), $norm($out);

echo "--- a 429 with Retry-After: 4 (within max_retry_wait = 5): waited out, the wait said\n";
$t->fault($listing + ['retry_after' => '4', 'times' => 1]);
$t0 = microtime(true);
[$rc, $out, $err] = cli(['import', '--config', $ini, '--target', "$dir/out", '--max-messages', '1']);
echo "exit $rc, waited 4 s: ", json_encode(microtime(true) - $t0 >= 4), "\n", $norm($err), $norm($out);

echo "--- \$batch members throttled for 4 s (the \$batch answers 200): the wait said\n";
$t->fault(['method' => 'GET', 'path' => '/messages/[^/]+/\\$value', 'batch_member' => true, 'status' => 429,
    'retry_after' => '4', 'times' => 1]);
[$rc, $out, $err] = cli(['import', '--config', $ini, '--target', "$dir/out", '--max-messages', '1']);
echo "exit $rc\n", $norm($err), $norm($out);

echo "--- a 429 with Retry-After: 600 (beyond max_retry_wait): the run stops, says until when\n";
$t->fault($listing + ['retry_after' => '600', 'times' => 1]);
$before = time();
[$rc, $out, $err] = cli(['import', '--config', $ini, '--target', "$dir/out"], null, ['TZ' => 'Europe/Berlin'], ['date.timezone' => 'Asia/Tokyo']);
$until = json_decode((new SqzGraph\FileStore("$dir/store-cc"))->get('import.throttled'), true)['until'];
echo 'until = the request + 600 s: ', json_encode($until >= $before + 600 && $until <= time() + 601), "\n";
$utc = gmdate('Y-m-d\TH:i:s\Z', $until);
$berlin = (new DateTimeImmutable("@$until"))->setTimezone(new DateTimeZone('Europe/Berlin'));
$local = $berlin->format($berlin->format('Y-m-d') === gmdate('Y-m-d', $until) ? 'H:i:s T' : 'Y-m-d H:i:s T');
echo "exit $rc\n", $norm(str_replace(["$utc ($local)", $utc], ['UNTIL (LOCAL)', 'UNTIL'], $err . $out));

echo "--- the next run, before then: at once, no request\n";
$seq = count($t->requests());
foreach ([['TZ' => 'Europe/Berlin'], ['TZ' => 'UTC'], ['TZ' => 'America/New_York']] as $env) {
    [$rc, $out, $err] = cli(['import', '--config', $ini, '--target', "$dir/out"], null, $env, ['date.timezone' => 'Asia/Tokyo']);
    $ny = (new DateTimeImmutable("@$until"))->setTimezone(new DateTimeZone('America/New_York'));
    $nyLocal = $ny->format($ny->format('Y-m-d') === gmdate('Y-m-d', $until) ? 'H:i:s T' : 'Y-m-d H:i:s T');
    echo "TZ={$env['TZ']}: exit $rc ", json_encode($err), "\n",
        $norm(str_replace(["$utc ($local)", "$utc ($nyLocal)", $utc], ['UNTIL (LOCAL)', 'UNTIL (NEW YORK)', 'UNTIL'], $out));
}
echo 'requests sent by those runs: ', count($t->requests()) - $seq, "\n";
echo 'inbox: ', count($t->messagesIn(ADMIN, 'inbox')), "\n";
?>
--EXPECT--
--- a 429 with Retry-After: 1 (a short wait): no line
exit 0
fetching 1 message…
[1/1] imported  Invoice 1
imported 1, failed 0, deferred 0, vanished 0, resumed 0 in N s
--- a 429 with Retry-After: 4 (within max_retry_wait = 5): waited out, the wait said
exit 0, waited 4 s: true
sqzgraph: DIR/cc.ini: throttled by Microsoft Graph (HTTP 429 on GET /users/admin%40contoso.example/mailFolders/ID/messages): waiting 4 s as it asks (Retry-After), then retrying
fetching 1 message…
[1/1] imported  Invoice 2
imported 1, failed 0, deferred 0, vanished 0, resumed 0 in N s
--- $batch members throttled for 4 s (the $batch answers 200): the wait said
exit 0
sqzgraph: DIR/cc.ini: throttled by Microsoft Graph (1 $batch request, HTTP 429): waiting 4 s as it asks, then sending it again
fetching 1 message…
[1/1] imported  Invoice 3
imported 1, failed 0, deferred 0, vanished 0, resumed 0 in N s
--- a 429 with Retry-After: 600 (beyond max_retry_wait): the run stops, says until when
until = the request + 600 s: true
exit 1
sqzgraph: DIR/cc.ini: throttled by Microsoft Graph (HTTP 429 on GET /users/admin%40contoso.example/mailFolders/ID/messages): it asks to wait 600 s, longer than max_retry_wait (5 s): the run stops there
imported 0, failed 0, deferred 0, vanished 0, resumed 0 in N s
stopped early: throttled by Microsoft Graph until UNTIL (LOCAL); the rest stays in the Inbox, the next run before then returns at once
--- the next run, before then: at once, no request
TZ=Europe/Berlin: exit 1 ""
imported 0, failed 0, deferred 0, vanished 0, resumed 0 in N s
still throttled by Microsoft Graph until UNTIL (LOCAL): this run sent no request; every run before then returns at once
TZ=UTC: exit 1 ""
imported 0, failed 0, deferred 0, vanished 0, resumed 0 in N s
still throttled by Microsoft Graph until UNTIL: this run sent no request; every run before then returns at once
TZ=America/New_York: exit 1 ""
imported 0, failed 0, deferred 0, vanished 0, resumed 0 in N s
still throttled by Microsoft Graph until UNTIL (NEW YORK): this run sent no request; every run before then returns at once
requests sent by those runs: 0
inbox: 2