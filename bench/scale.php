<?php
// Scale simulation (issue 14 §5): one mock tenant with 50 shared mailboxes under one application
// (client credentials) and 2 delegated mailboxes whose refresh tokens rotate strictly (a used one is
// refused), one Store (PdoStore on PostgreSQL, or FileStore), and W worker processes importing every
// mailbox in a loop while new mail arrives; every few seconds a random worker is killed with SIGKILL
// and a new one started. Then the feed stops, the workers drain the Inboxes, and the mock tenant's view
// of every mailbox is checked against every handler call the workers recorded.
//   php bench/scale.php [--workers 1,2,4] [--seconds 30] [--kill-every 3] [--feed-per-second 10]
//       [--messages 60] [--latency-ms 20] [--token-lifetime 305] [--handler-ms 0] [--store pgsql|file]
//       [--max-messages 500] [--drain-timeout 180] [--rounds 1] [--mock-workers 16] [--delegated-only] [--keep DIR]
// --delegated-only: import only the 2 delegated mailboxes (a stress of token refreshes under strict rotation
// and SIGKILL: with --token-lifetime 301 every worker renews a token about every second).
// --mock-workers: the mock tenant's backend processes. Each request holds one for its latency, so they cap the
// requests in service at once (4 workers x 4 per mailbox = 16; the tests' default of 8 would be the limit).
// --store pgsql (default) uses $SQZ_PGSQL_DSN / $SQZ_PGSQL_USER / $SQZ_PGSQL_PASSWORD when set, else
// starts a throwaway PostgreSQL with scripts/db-servers.sh and stops it at the end.
// Prints one block per worker count and a summary table; exits 1 when a check failed (duplicates,
// lost messages, re-authorizations that no killed worker explains, more than 4 requests in flight).
declare(strict_types=1);

$opt = getopt('', ['workers:', 'seconds:', 'kill-every:', 'feed-per-second:', 'messages:', 'latency-ms:',
    'token-lifetime:', 'handler-ms:', 'store:', 'max-messages:', 'drain-timeout:', 'keep:', 'rounds:', 'mock-workers:', 'delegated-only']);
$mockWorkers = max(1, (int) ($opt['mock-workers'] ?? 16));
$rounds = max(1, (int) ($opt['rounds'] ?? 1));
$workerCounts = array_map('intval', explode(',', (string) ($opt['workers'] ?? '1,2,4')));
$seconds = (float) ($opt['seconds'] ?? 30);
$killEvery = (float) ($opt['kill-every'] ?? 3);
$feedRate = (float) ($opt['feed-per-second'] ?? 10);
$perMailbox = max(0, (int) ($opt['messages'] ?? 60));
$latency = max(0, (int) ($opt['latency-ms'] ?? 20));
$tokenLifetime = max(1, (int) ($opt['token-lifetime'] ?? 305));
$handlerMs = max(0.0, (float) ($opt['handler-ms'] ?? 0));
$storeKind = $opt['store'] ?? 'pgsql';
$maxMessages = max(1, (int) ($opt['max-messages'] ?? 500));
$drainTimeout = (float) ($opt['drain-timeout'] ?? 180);
$root = dirname(__DIR__);
require "$root/tests/mock-tenant/server.inc";
require __DIR__ . '/workload.inc';

$ext = bench_extension();
if (!extension_loaded('sqzgraph')) {
    // the set-up (authorization, tables) uses the extension too
    passthru(implode(' ', array_map('escapeshellarg', array_merge([PHP_BINARY, '-d', "extension=$ext", __FILE__], array_slice($argv, 1)))), $rc);
    exit($rc);
}
if (!in_array($storeKind, ['pgsql', 'file'], true)) {
    fwrite(STDERR, "--store: pgsql or file\n");
    exit(2);
}
if ($storeKind === 'pgsql' && !class_exists('SqzGraph\PdoStore')) {
    fwrite(STDERR, "this build has no SqzGraph\\PdoStore: use --store file\n");
    exit(2);
}
foreach (['pcntl', 'posix'] as $e) {
    if (!extension_loaded($e)) {
        fwrite(STDERR, "ext/$e is required\n");
        exit(2);
    }
}

const SCALE_TENANT = '5ca1e000-0000-4000-8000-000000000001';      // tests/mock-tenant/seeds/scale.php
const SCALE_CLIENT = '5ca1e000-0000-4000-8000-0000000a0001';
const SCALE_SECRET = 'Scale~secret-1.Tailspin';
const SCALE_REDIRECT = 'http://127.0.0.1:8123/api/v2/importers/email/authenticate/end';
const SCALE_TABLE = 'sqz_scale';       // PdoStore: one table, each mailbox in its own namespace (its address)

$work = $opt['keep'] ?? sys_get_temp_dir() . '/sqz-bench-scale-' . bin2hex(random_bytes(4));
@mkdir($work, 0700, true);
$cleanup = [];
register_shutdown_function(function () use (&$cleanup, $work, $opt): void {
    foreach (array_reverse($cleanup) as $fn) {
        $fn();
    }
    if (!isset($opt['keep'])) {
        shell_exec('rm -rf ' . escapeshellarg($work));
    }
});

// ---- the Store ---------------------------------------------------------------------------------
$db = null;
$pgData = null;          // the data directory of a PostgreSQL this script started (its CPU is measured)
if ($storeKind === 'pgsql') {
    if ((string) getenv('SQZ_PGSQL_DSN') === '') {
        $script = "$root/scripts/db-servers.sh";
        if (!is_file($script)) {
            fwrite(STDERR, "no PostgreSQL: set SQZ_PGSQL_DSN, SQZ_PGSQL_USER, SQZ_PGSQL_PASSWORD (or get scripts/db-servers.sh)\n");
            exit(2);
        }
        $dbDir = "$work-db";      // beside the private run directory: PostgreSQL's user must reach it
        $lines = shell_exec('bash ' . escapeshellarg($script) . ' start ' . escapeshellarg($dbDir) . ' pgsql');
        $cleanup[] = fn () => shell_exec('bash ' . escapeshellarg($script) . ' stop ' . escapeshellarg($dbDir) . ' 2>&1');
        foreach (explode("\n", (string) $lines) as $line) {
            if (preg_match("/^export (SQZ_PGSQL_\\w+)='(.*)'$/", $line, $m)) {
                putenv("$m[1]=$m[2]");
            }
        }
        if ((string) getenv('SQZ_PGSQL_DSN') === '') {
            fwrite(STDERR, "scripts/db-servers.sh start did not start PostgreSQL\n");
            exit(1);
        }
        $pgData = "$dbDir/pg/data";
    }
    $db = ['dsn' => getenv('SQZ_PGSQL_DSN'), 'user' => getenv('SQZ_PGSQL_USER') ?: null, 'password' => getenv('SQZ_PGSQL_PASSWORD') ?: null];
}

// ---- the tenant ----------------------------------------------------------------------------------
$t = MockTenant::start([], ['latency_ms' => 0, 'workers' => $mockWorkers]);
$cleanup[] = fn () => $t->stop();
$baseSeed = (static fn () => require "$root/tests/mock-tenant/seeds/scale.php")();   // its own scope: the seed file sets variables
$mailboxes = [];
foreach ($baseSeed['tenants'][0]['users'] as $i => $u) {
    $delegated = !str_starts_with($u['upn'], 'shared');
    $mailboxes[] = ['upn' => $u['upn'], 'kind' => $delegated ? 'delegated' : 'app'];
}
if (isset($opt['delegated-only'])) {
    $mailboxes = array_values(array_filter($mailboxes, fn ($m) => $m['kind'] === 'delegated'));
}
$delegatedCount = count(array_filter($mailboxes, fn ($m) => $m['kind'] === 'delegated'));

/** A delivery note as the seed has them; $tag names it. */
function scale_message(string $tag, ?int $received = null): array
{
    return ['subject' => "Delivery note $tag", 'received' => $received ?? time(),
        'from' => ['name' => 'Wide World Importers', 'address' => 'dispatch@wideworldimporters.example'],
        'body' => "Delivery note $tag attached.\r\nKind regards,\r\nWide World Importers dispatch\r\n",
        'attachments' => [['name' => "delivery-$tag.pdf", 'content_type' => 'application/pdf', 'size' => 12 * 1024]]];
}

function scale_options(MockTenant $t, array $mb): array
{
    $o = ['tenant_id' => SCALE_TENANT, 'client_id' => SCALE_CLIENT, 'client_secret' => SCALE_SECRET,
        'authority' => $t->authority, 'graph_endpoint' => $t->graph];
    return $o + ($mb['kind'] === 'delegated' ? ['flow' => 'delegated', 'redirect_uri' => SCALE_REDIRECT]
        : ['flow' => 'client_credentials', 'mailbox' => $mb['upn']]);
}

/** The delegated sign-in (the mock's auto-consent stands in for the person). */
function scale_authorize(MockTenant $t, array $mb, SqzGraph\Store $store): void
{
    $auth = new SqzGraph\Authenticator(new SqzGraph\Config(scale_options($t, $mb)), $store);
    $url = $auth->beginAuthorization(['login_hint' => $mb['upn']])['url'];
    parse_str((string) parse_url($t->authorizeAuto($url), PHP_URL_QUERY), $q);
    $auth->completeAuthorization($q);
}

/** CPU ticks of the whole machine: [busy, total]. */
function scale_cpu(): array
{
    $f = array_map('intval', array_slice(preg_split('/\s+/', trim(explode("\n", (string) file_get_contents('/proc/stat'))[0])), 1));
    $idle = $f[3] + $f[4];
    $total = array_sum(array_slice($f, 0, 8));
    return [$total - $idle, $total];
}

/**
 * CPU seconds of the PostgreSQL server of $dataDir: the postmaster, the backends it reaped (its cutime and
 * cstime: the backends of killed workers end during the run) and those alive; 0 when it is not on this machine.
 */
function scale_pg_cpu(?string $dataDir): float
{
    $pm = $dataDir === null ? 0 : (int) @file($dataDir . '/postmaster.pid')[0];
    if ($pm <= 0) {
        return 0.0;
    }
    $ticks = 0;
    foreach (glob('/proc/[0-9]*/stat') ?: [] as $f) {
        $s = @file_get_contents($f);
        if ($s === false || ($p = strrpos($s, ')')) === false) {
            continue;
        }
        $x = explode(' ', substr($s, $p + 2));   // field 3 (state) is index 0
        $pid = (int) substr($f, 6);
        if ($pid === $pm) {
            $ticks += (int) $x[11] + (int) $x[12] + (int) $x[13] + (int) $x[14];
        } elseif ((int) $x[1] === $pm) {
            $ticks += (int) $x[11] + (int) $x[12];
        }
    }
    return $ticks / 100;
}

function scale_children_cpu(): float
{
    $u = getrusage(1);
    return $u['ru_utime.tv_sec'] + $u['ru_stime.tv_sec'] + ($u['ru_utime.tv_usec'] + $u['ru_stime.tv_usec']) / 1e6;
}

/** @return list<array<string, mixed>> the JSON lines of the files matching $glob */
function scale_lines(string $glob): array
{
    $out = [];
    foreach (glob($glob) ?: [] as $f) {
        foreach (file($f, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [] as $line) {
            $j = json_decode($line, true);
            if (is_array($j)) {
                $out[] = $j;
            }
        }
    }
    return $out;
}

$cpuModel = trim((string) preg_replace('/^.*:\s*/', '', (string) shell_exec("grep -m1 'model name' /proc/cpuinfo")));
printf("sqzgraph scale simulation: %d mailboxes (%d shared, client credentials; %d delegated, strict refresh-token rotation), "
    . "store %s, %d messages per mailbox at the start + %.1f new per second for %.0f s, a worker killed every %.1f s, "
    . "%d ms latency, access tokens valid %d s, %d mock tenant backends\n", count($mailboxes), count($mailboxes) - $delegatedCount, $delegatedCount,
    $storeKind === 'pgsql' ? 'PdoStore on PostgreSQL' : 'FileStore', $perMailbox, $feedRate, $seconds, $killEvery, $latency, $tokenLifetime, $mockWorkers);
printf("machine: %s, %s cores (%s), PHP %s, %s\n\n", php_uname('m'), trim((string) shell_exec('nproc')), $cpuModel, PHP_VERSION,
    trim((string) shell_exec('git -C ' . escapeshellarg($root) . ' log -1 --format=%h 2>/dev/null')));

$results = [];
$failed = false;
$workers = [];           // the running workers of the current phase: gen => [proc, pid]
// Ctrl-C / kill: the workers die with the run, then the shutdown functions stop the tenant and PostgreSQL
pcntl_async_signals(true);
foreach ([SIGINT, SIGTERM] as $sig) {
    pcntl_signal($sig, function () use (&$workers): void {
        foreach ($workers as $w) {
            posix_kill($w['pid'], SIGKILL);
        }
        fwrite(STDERR, "interrupted: workers killed, stopping the tenant and the database\n");
        exit(130);
    });
}
$plan = [];
for ($round = 1; $round <= $rounds; $round++) {
    foreach ($workerCounts as $W) {
        $plan[] = [$round, $W];      // alternately, so that drift of the machine's load hits every worker count
    }
}
foreach ($plan as [$round, $W]) {
    $run = "$work/r$round-w$W";
    shell_exec('rm -rf ' . escapeshellarg($run));
    mkdir($run, 0700, true);
    $stopFile = "$run/stop";

    // a fresh tenant: the scale seed with $perMailbox messages per mailbox
    $seed = $baseSeed;
    foreach ($seed['tenants'][0]['users'] as $i => &$u) {
        $u['messages'] = [];
        for ($k = 1; $k <= $perMailbox && in_array($u['upn'], array_column($mailboxes, 'upn'), true); $k++) {
            $u['messages'][] = scale_message(sprintf('%s-%04d', strtok($u['upn'], '@'), $k), strtotime('2024-04-01T08:00:00Z') + $k * 60);
        }
    }
    unset($u);
    $t->reset($seed);
    $t->settings(['refresh_token_reuse' => 'refuse', 'access_token_lifetime' => $tokenLifetime]);
    $t->setAutoConsent(true);

    // a fresh Store: one table, a namespace per mailbox (PdoStore), or a directory per mailbox (FileStore)
    $pdo = null;
    $stores = [];
    if ($storeKind === 'pgsql') {
        $pdo = new PDO($db['dsn'], $db['user'], $db['password'], [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
        $pdo->exec('DROP TABLE IF EXISTS ' . SCALE_TABLE);
        (new SqzGraph\PdoStore($pdo, ['table' => SCALE_TABLE]))->createTable();
    }
    foreach ($mailboxes as $k => $mb) {
        if ($storeKind === 'pgsql') {
            $stores[$mb['upn']] = new SqzGraph\PdoStore($pdo, ['table' => SCALE_TABLE, 'namespace' => $mb['upn']]);
        } else {
            $mailboxes[$k]['dir'] = "$run/stores/" . $mb['upn'];
            $stores[$mb['upn']] = new SqzGraph\FileStore($mailboxes[$k]['dir']);
        }
    }
    $driverAuth = [];
    foreach ($mailboxes as $mb) {
        if ($mb['kind'] === 'delegated') {
            scale_authorize($t, $mb, $stores[$mb['upn']]);
            $driverAuth[$mb['upn']] = new SqzGraph\Authenticator(new SqzGraph\Config(scale_options($t, $mb)), $stores[$mb['upn']]);
        }
    }

    // every message that exists: immutable id => mailbox
    $created = [];
    foreach ($mailboxes as $mb) {
        foreach ($t->messagesIn($mb['upn'], 'inbox') as $m) {
            $created[$m['immutable_id']] = $mb['upn'];
        }
    }
    $initial = count($created);

    $config = ['run_dir' => $run, 'stop_file' => $stopFile, 'store' => $storeKind, 'tenant' => SCALE_TENANT,
        'client_id' => SCALE_CLIENT, 'secret' => SCALE_SECRET, 'redirect_uri' => SCALE_REDIRECT,
        'authority' => $t->authority, 'graph' => $t->graph, 'mailboxes' => $mailboxes, 'handler_ms' => $handlerMs,
        'max_messages' => $maxMessages, 'table' => SCALE_TABLE]
        + ($db === null ? [] : ['dsn' => $db['dsn'], 'db_user' => $db['user'], 'db_password' => $db['password']]);
    $configFile = "$run/config.json";
    touch($configFile);
    chmod($configFile, 0600);
    file_put_contents($configFile, json_encode($config, JSON_UNESCAPED_SLASHES));

    $t->setLatency($latency);
    $t->clearRequests();
    $t->resetMaxInFlight();

    $gen = 0;
    $workers = [];
    $killed = [];            // gen => time of the SIGKILL
    $exits = [];             // gen => exit status of a worker that ended by itself
    $spawn = function () use (&$gen, &$workers, $ext, $configFile, $run): void {
        $g = ++$gen;
        $p = proc_open([PHP_BINARY, '-d', "extension=$ext", __DIR__ . '/scale-worker.php', $configFile, (string) $g],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$run/w$g.out", 'a'], 2 => ['file', "$run/w$g.out", 'a']], $pipes);
        $workers[$g] = ['proc' => $p, 'pid' => proc_get_status($p)['pid']];
    };
    $reauths = [];           // [t, mailbox, reason, errorCode]
    $load0 = sys_getloadavg()[0];
    $cpu0 = scale_cpu();
    $mockCpu0 = $t->cpuSeconds();
    $pgCpu0 = scale_pg_cpu($pgData);
    $childCpu0 = scale_children_cpu();
    $t0 = microtime(true);
    for ($i = 0; $i < $W; $i++) {
        $spawn();
    }
    $fed = 0;
    $nextKill = $t0 + $killEvery;
    $nextStatus = $t0 + 1;
    $feedEnd = $t0 + $seconds;
    $drained = null;
    $nextDrainCheck = $feedEnd;
    $stopAt = null;
    $busy = null;               // the mailboxes whose Inbox was not empty at the last look
    $stillBusy = [];
    $backlogAtFeedEnd = null;   // messages still in the Inboxes when the feed stopped: > 0 = the workers never ran dry
    $reap = function (bool $stopped) use (&$workers, &$exits, &$killed): void {
        foreach ($workers as $g => $w) {
            $s = proc_get_status($w['proc']);
            if (!$s['running']) {
                if (!isset($killed[$g]) && !($stopped && !$s['signaled'] && $s['exitcode'] === 0)) {
                    $exits[$g] = $s['signaled'] ? 'signal ' . $s['termsig'] : 'exit ' . $s['exitcode'];
                }
                proc_close($w['proc']);
                unset($workers[$g]);
            }
        }
    };
    while (true) {
        $now = microtime(true);
        if ($now < $feedEnd) {
            // new mail, spread over the mailboxes at random
            while ($fed < (int) (($now - $t0) * $feedRate)) {
                $mb = $mailboxes[random_int(0, count($mailboxes) - 1)]['upn'];
                $fed++;
                $created[$t->addMessage($mb, scale_message(sprintf('%s-new-%05d', strtok($mb, '@'), $fed)))['immutable_id']] = $mb;
            }
            if ($now >= $nextKill && $workers !== []) {
                $g = array_rand($workers);
                posix_kill($workers[$g]['pid'], SIGKILL);
                $killed[$g] = microtime(true);
                $nextKill += $killEvery;
            }
        }
        $reap($stopAt !== null);
        if ($stopAt === null) {
            while (count($workers) < $W) {
                $spawn();
            }
        }
        if ($now >= $nextStatus) {
            // a person signs in again when a delegated mailbox needs it (counted: must not happen)
            foreach ($driverAuth as $upn => $a) {
                $st = $a->status();
                if ($st->needsReauthorization) {
                    $reauths[] = ['t' => microtime(true) - $t0, 'mailbox' => $upn, 'reason' => $st->reason, 'error' => $st->errorCode];
                    $mb = array_values(array_filter($mailboxes, fn ($m) => $m['upn'] === $upn))[0];
                    scale_authorize($t, $mb, $stores[$upn]);
                }
            }
            $nextStatus = $now + 1;
        }
        if ($stopAt === null && $now >= $nextDrainCheck) {
            // after the feed an Inbox only empties: a mailbox found empty is not asked again
            $left = 0;
            foreach ($busy ?? array_column($mailboxes, 'upn') as $upn) {
                if (($n = $t->folderCounts($upn)['Inbox']) > 0) {
                    $left += $n;
                    $stillBusy[] = $upn;
                }
            }
            [$busy, $stillBusy] = [$stillBusy ?? [], []];
            $backlogAtFeedEnd ??= $left;
            if ($left === 0) {
                $drained = microtime(true);
                touch($stopFile);
                $stopAt = $drained;
            } elseif ($now > $feedEnd + $drainTimeout) {
                fwrite(STDERR, "not drained after {$drainTimeout} s: $left messages still in Inboxes\n");
                touch($stopFile);
                $stopAt = $now;
            }
            $nextDrainCheck = microtime(true) + 1;
        }
        if ($stopAt !== null) {
            if ($workers === []) {
                break;
            }
            if (microtime(true) > $stopAt + 60) {
                foreach ($workers as $w) {
                    posix_kill($w['pid'], SIGKILL);
                }
            }
        }
        usleep(20000);
    }
    $t->setLatency(0);
    $end = $drained ?? microtime(true);
    $cpu1 = scale_cpu();
    $wall = $end - $t0;
    $cpuBusy = ($cpu1[0] - $cpu0[0]) / max(1, $cpu1[1] - $cpu0[1]);
    $mockCpu = $t->cpuSeconds() - $mockCpu0;
    $pgCpu = scale_pg_cpu($pgData) - $pgCpu0;
    $workerCpu = scale_children_cpu() - $childCpu0;

    // ---- what the tenant says ----
    $where = [];             // immutable id => list of folder paths
    $errorReasons = [];
    $inboxLeft = 0;
    foreach ($mailboxes as $mb) {
        foreach ($t->folderContents($mb['upn'])['folders'] as $f) {
            foreach ($f['messages'] as $m) {
                $where[$m['immutable_id']][] = $f['path'];
                if ($f['path'] === 'Error') {
                    $reason = preg_replace('/^Import failed: /', '', implode(',', $m['categories'] ?? [])) ?: '(none)';
                    $errorReasons[$reason] = ($errorReasons[$reason] ?? 0) + 1;
                }
                if (($f['well_known'] ?? '') === 'inbox') {
                    $inboxLeft++;
                }
            }
        }
    }
    $exported = $error = $lost = $twice = 0;
    foreach ($created as $id => $upn) {
        $places = array_values(array_intersect($where[$id] ?? [], ['Exported', 'Error']));
        if (count($places) === 1 && count($where[$id]) === 1) {
            $places[0] === 'Exported' ? $exported++ : $error++;
        } elseif (count($places) > 1) {
            $twice++;
        } else {
            $lost++;
        }
    }
    $unknown = count(array_diff_key($where, $created));

    // ---- what the handlers say ----
    $calls = scale_lines("$run/w*.calls");
    usort($calls, fn ($a, $b) => $a['t'] <=> $b['t']);
    $lastCallOf = [];        // gen => index of its last call
    $byId = [];
    foreach ($calls as $k => $c) {
        $lastCallOf[$c['w']] = $k;
        $byId[$c['id']][] = $k;
    }
    $handlerCalls = count($calls);
    // throughput: the messages whose handler was first called during the feed; while a backlog is left at its end,
    // that is what the workers can do (the drain afterwards ends with a tail of a few mailboxes)
    $firstCall = [];
    foreach ($calls as $c) {
        $firstCall[$c['id']] ??= $c['t'];
    }
    $feedMessages = count(array_filter($firstCall, fn ($tc) => $tc < $feedEnd));
    $repeatsKilled = 0;      // a call whose worker was killed before its verdict reached the journal
    $duplicates = 0;         // any other repeated call: must be 0
    $dupExamples = [];
    foreach ($byId as $id => $ks) {
        for ($j = 0; $j < count($ks) - 1; $j++) {
            $c = $calls[$ks[$j]];
            $next = $calls[$ks[$j + 1]];
            $killedAt = $killed[$c['w']] ?? null;
            if ($lastCallOf[$c['w']] === $ks[$j] && $killedAt !== null && $killedAt >= $c['t'] && $next['t'] > $killedAt) {
                $repeatsKilled++;
            } else {
                $duplicates++;
                $dupExamples[] = "$id: worker {$c['w']} at " . round($c['t'] - $t0, 3) . " s, then worker {$next['w']} at " . round($next['t'] - $t0, 3) . ' s';
            }
        }
    }
    $exportedWithoutCall = 0;
    foreach ($created as $id => $upn) {
        if (($where[$id] ?? []) === ['Exported'] && !isset($byId[$id])) {
            $exportedWithoutCall++;
        }
    }
    $callsOnUnknown = count(array_diff_key($byId, $created));

    // ---- tokens: re-authorizations and refreshes whose answer no worker saw ----
    $mbKind = array_column($mailboxes, 'kind', 'upn');
    $events = scale_lines("$run/w*.events");
    $seenRids = [];
    $workerReauthEvents = 0;
    $errors = [];
    $runs = 0;
    $locked = 0;
    $tokenUnused = [];       // gen => [rid => true]: delegated token answers of that worker not followed by a request
    foreach ($events as $e) {
        if ($e['ev'] === 'token' && $e['status'] === '200' && ($mbKind[$e['mb']] ?? null) === 'delegated') {
            $tokenUnused[$e['w']][$e['rid']] = true;
        } elseif ($e['ev'] === 'token_used') {
            unset($tokenUnused[$e['w']][$e['rid']]);
        }
        if ($e['ev'] === 'token' && $e['rid'] !== null) {
            $seenRids[$e['rid']] = true;
        } elseif ($e['ev'] === 'reauth') {
            $workerReauthEvents++;
        } elseif ($e['ev'] === 'error') {
            $errors[$e['class'] . ': ' . $e['message']] = ($errors[$e['class'] . ': ' . $e['message']] ?? 0) + 1;
        } elseif ($e['ev'] === 'run') {
            $runs++;
        } elseif ($e['ev'] === 'locked') {
            $locked++;
        }
    }
    $log = $t->requests();
    // A refresh answer that dies with its worker: (1) answered by the mock, never logged by a worker (killed
    // before or while it read the answer); (2) logged, and the worker's last line at all, and the worker
    // killed: killed between its log line and the next one, maybe before the new token was in the Store (an
    // upper bound: the write may have made it). Under strict rotation each can cost one re-authorization.
    $refreshOk = $refreshRefused = $orphans = $status429 = $appTokens = 0;
    $killedAfterLog = 0;
    foreach ($tokenUnused as $g => $rids) {
        if (isset($killed[$g])) {
            $killedAfterLog += count($rids);
        }
    }
    $requests = count($log);
    $members = 0;
    foreach ($log as $r) {
        $status429 += (int) ($r['status'] === 429);
        foreach ($r['members'] ?? [] as $m) {
            $members++;
            $status429 += (int) ($m['status'] === 429);
        }
        if (($r['grant_type'] ?? null) === 'refresh_token') {
            if ($r['status'] === 200) {
                $refreshOk++;
                if (!isset($seenRids[$r['request_id']])) {
                    $orphans++;
                }
            } else {
                $refreshRefused++;
            }
        } elseif (($r['grant_type'] ?? null) === 'client_credentials') {
            $appTokens++;
        }
    }
    $maxInFlight = 0;
    $maxAt = '';
    foreach ($mailboxes as $mb) {
        $x = $t->maxInFlight($mb['upn']);
        if ($x > $maxInFlight) {
            [$maxInFlight, $maxAt] = [$x, $mb['upn']];
        }
    }

    $ended = $exported + $error;
    $res = ['round' => $round, 'workers' => $W, 'messages' => count($created), 'initial' => $initial, 'fed' => $fed, 'exported' => $exported,
        'error' => $error, 'error_reasons' => $errorReasons, 'lost' => $lost, 'twice' => $twice, 'inbox_left' => $inboxLeft,
        'unknown' => $unknown, 'handler_calls' => $handlerCalls, 'repeats_killed' => $repeatsKilled, 'duplicates' => $duplicates,
        'exported_without_call' => $exportedWithoutCall, 'calls_on_unknown' => $callsOnUnknown, 'reauths' => count($reauths),
        'worker_reauth_events' => $workerReauthEvents, 'refresh_ok' => $refreshOk, 'refresh_refused' => $refreshRefused,
        'refresh_orphans' => $orphans, 'refresh_killed_after_log' => $killedAfterLog, 'app_tokens' => $appTokens, 'max_inflight' => $maxInFlight, 'max_inflight_at' => $maxAt,
        'status_429' => $status429, 'requests' => $requests, 'members' => $members, 'kills' => count($killed),
        'workers_started' => $gen, 'other_exits' => $exits, 'errors' => $errors, 'runs' => $runs, 'locked_runs' => $locked,
        'wall' => $wall, 'drained' => $drained !== null, 'throughput' => $feedMessages / $seconds, 'overall' => $ended / $wall, 'backlog_at_feed_end' => $backlogAtFeedEnd, 'cpu_busy' => $cpuBusy,
        'mock_cpu' => $mockCpu, 'pg_cpu' => $pgCpu, 'worker_cpu' => $workerCpu, 'load' => sprintf('%.1f -> %.1f', $load0, sys_getloadavg()[0])];
    $results[] = $res;
    file_put_contents("$run/result.json", json_encode($res + ['reauth_list' => $reauths, 'duplicate_examples' => array_slice($dupExamples, 0, 20)],
        JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES));

    printf("== round %d, %d worker%s: %.1f s until every Inbox was empty (feed %.0f s), %d workers started, %d killed\n",
        $round, $W, $W > 1 ? 's' : '', $wall, $seconds, $gen, count($killed));
    printf("   messages %d (%d at the start + %d fed): Exported %d, Error %d %s, lost %d, in two places %d, left in Inboxes %d\n",
        count($created), $initial, $fed, $exported, $error, json_encode($errorReasons, JSON_UNESCAPED_SLASHES), $lost, $twice, $inboxLeft);
    printf("   handler calls %d: repeats after a SIGKILL before the journal write %d, duplicates %d, Exported without a call %d\n",
        $handlerCalls, $repeatsKilled, $duplicates, $exportedWithoutCall);
    printf("   re-authorizations needed %d (worker saw %d refusals); refresh grants %d ok, %d refused; answers lost with a killed worker: "
        . "%d never logged + at most %d killed right after logging; %d app tokens\n",
        count($reauths), $workerReauthEvents, $refreshOk, $refreshRefused, $orphans, $killedAfterLog, $appTokens);
    printf("   max in flight per mailbox %d (%s), 429 answers %d, HTTP requests %d (+ %d batch members), import runs %d (+ %d found the mailbox locked)\n",
        $maxInFlight, $maxAt, $status429, $requests, $members, $runs, $locked);
    printf("   throughput %.1f messages/s during the feed (%d messages still waiting when it stopped%s); %.1f messages/s until drained\n",
        $feedMessages / $seconds, (int) $backlogAtFeedEnd, $backlogAtFeedEnd ? '' : ': the workers ran dry, raise --messages', $ended / $wall);
    printf("   CPU: machine %.0f %% busy (load average %s), workers %.1f s, mock tenant %.1f s, PostgreSQL %s\n", 100 * $cpuBusy,
        $res['load'], $workerCpu, $mockCpu, $pgData === null ? 'n/a' : sprintf('%.1f s', $pgCpu));
    if ($exits !== []) {
        printf("   workers that ended by themselves: %s\n", json_encode($exits));
    }
    foreach (array_slice($errors, 0, 5, true) as $msg => $n) {
        printf("   error x%d: %s\n", $n, $msg);
    }
    foreach (array_slice($dupExamples, 0, 5) as $d) {
        printf("   duplicate: %s\n", $d);
    }
    foreach ($reauths as $r) {
        printf("   re-authorization at %.1f s: %s (%s %s)\n", $r['t'], $r['mailbox'], $r['reason'], $r['error'] ?? '');
    }
    // the checks: a re-authorization is excused only by a refresh whose answer died with its worker
    $bad = $lost + $twice + $inboxLeft + $unknown + $duplicates + $exportedWithoutCall + $callsOnUnknown
        + max(0, count($reauths) - $orphans - $killedAfterLog) + ($maxInFlight > 4 ? 1 : 0) + count($exits) + ($drained === null ? 1 : 0);
    if ($bad > 0) {
        $failed = true;
        echo "   CHECK FAILED\n";
    }
    echo "\n";
    $pdo = null;
    $stores = [];
    $driverAuth = [];
}

printf("%-5s %-7s %8s %8s %5s %4s %7s %10s %6s %8s %6s %7s %8s %7s %10s\n", 'round', 'workers', 'messages', 'Exported', 'Error',
    'lost', 'repeats', 'duplicates', 'reauth', 'inflight', 'kills', 'msg/s', 'backlog', 'drain s', 'CPU ms/msg');
$row = function (string $round, array $r): void {
    printf("%-5s %-7d %8d %8d %5d %4d %7d %10d %6d %8d %6d %7.1f %8d %7.1f %10.1f\n", $round, $r['workers'], $r['messages'],
        $r['exported'], $r['error'], $r['lost'], $r['repeats_killed'], $r['duplicates'], $r['reauths'], $r['max_inflight'],
        $r['kills'], $r['throughput'], (int) $r['backlog_at_feed_end'], $r['wall'],
        1000 * ($r['worker_cpu'] + $r['mock_cpu'] + $r['pg_cpu']) / max(1, $r['messages']));
};
foreach ($results as $r) {
    $row((string) $r['round'], $r);
}
if ($rounds > 1) {
    // medians per worker count (sums for the counts that must be 0, maxima for the in-flight figure)
    foreach ($workerCounts as $W) {
        $rs = array_values(array_filter($results, fn ($r) => $r['workers'] === $W));
        $med = function (string $k) use ($rs): float {
            $v = array_column($rs, $k);
            sort($v);
            $m = intdiv(count($v), 2);
            return count($v) % 2 ? (float) $v[$m] : ($v[$m - 1] + $v[$m]) / 2;
        };
        $sum = fn (string $k) => array_sum(array_column($rs, $k));
        $row('all', ['workers' => $W, 'messages' => $sum('messages'), 'exported' => $sum('exported'), 'error' => $sum('error'),
            'lost' => $sum('lost'), 'repeats_killed' => $sum('repeats_killed'), 'duplicates' => $sum('duplicates'),
            'reauths' => $sum('reauths'), 'max_inflight' => max(array_column($rs, 'max_inflight')), 'kills' => $sum('kills'),
            'throughput' => $med('throughput'), 'backlog_at_feed_end' => $med('backlog_at_feed_end'), 'wall' => $med('wall'),
            'worker_cpu' => $sum('worker_cpu'), 'mock_cpu' => $sum('mock_cpu'), 'pg_cpu' => $sum('pg_cpu')]);
    }
    echo "all: counts summed over the rounds, max in flight the highest, msg/s, backlog and drain s the medians\n";
}
echo "msg/s: messages first handed to a handler per second during the feed; backlog: messages still in the Inboxes when the\n"
    . "feed stopped; drain s: from the first worker's start until every Inbox was empty; CPU: workers + mock tenant + PostgreSQL\n";
exit($failed ? 1 : 0);
