<?php
// One worker process of bench/scale.php: imports every mailbox of the scale seed, one after another,
// in a loop, until the stop file appears (or it is killed, which scale.php does every few seconds).
//   php -d extension=... bench/scale-worker.php CONFIG.json GENERATION
// CONFIG.json (written by scale.php, mode 0600: it holds the client secret and the database password).
// Writes into the run directory:
//   w<GEN>.calls   one JSON line per handler call, written and fsync()ed at the start of the call,
//                  before the handler does anything else: the call is on disk even when the process is
//                  killed inside the handler (so a repeated call is always seen)
//   w<GEN>.events  JSON lines: start, every import run's report, token requests (request-id and
//                  status, from the logger), re-authorization needed, errors
declare(strict_types=1);

[, $configFile, $gen] = $argv;
$c = json_decode((string) file_get_contents($configFile), true, 512, JSON_THROW_ON_ERROR);
$dir = $c['run_dir'];
$calls = fopen("$dir/w$gen.calls", 'a');
$events = fopen("$dir/w$gen.events", 'a');
$event = function (array $e) use ($events, $gen): void {
    fwrite($events, json_encode(['t' => microtime(true), 'w' => (int) $gen] + $e, JSON_UNESCAPED_SLASHES) . "\n");
};
$event(['ev' => 'start', 'pid' => getmypid()]);

$pdo = null;
if ($c['store'] === 'pgsql') {
    $pdo = new PDO($c['dsn'], $c['db_user'], $c['db_password']);
}
$tmp = "$dir/tmp-w$gen";
@mkdir($tmp, 0700);

$importers = [];
$pendingToken = [];      // mailbox => request-id of a token answer not yet followed by a request that used it
foreach ($c['mailboxes'] as $mb) {
    $upn = $mb['upn'];
    $store = $c['store'] === 'pgsql'
        ? new SqzGraph\PdoStore($pdo, ['table' => $c['table'], 'namespace' => $upn])
        : new SqzGraph\FileStore($mb['dir']);
    $options = ['tenant_id' => $c['tenant'], 'client_id' => $c['client_id'], 'client_secret' => $c['secret'],
        'authority' => $c['authority'], 'graph_endpoint' => $c['graph'],
        // the token requests' request-ids (the answer's header): scale.php finds, in the mock's log, a refresh whose answer
        // no worker lived to see (the worker was killed in between: under strict rotation a lost grant)
        // and, with the next request of that mailbox, that the new token was in the Store (it is written before
        // it is used): a worker killed between the two may have lost a rotated refresh token
        'logger' => function (string $level, string $message, array $ctx) use ($event, $upn, &$pendingToken): void {
            if (str_contains($ctx['path'] ?? '', '/oauth2/v2.0/token')) {
                $event(['ev' => 'token', 'mb' => $upn, 'rid' => $ctx['request_id'], 'status' => $ctx['status']]);
                $pendingToken[$upn] = $ctx['request_id'];
            } elseif (isset($ctx['method'], $pendingToken[$upn])) {
                $event(['ev' => 'token_used', 'mb' => $upn, 'rid' => $pendingToken[$upn]]);
                unset($pendingToken[$upn]);
            }
        }];
    $options += $mb['kind'] === 'delegated'
        ? ['flow' => 'delegated', 'redirect_uri' => $c['redirect_uri']]
        : ['flow' => 'client_credentials', 'mailbox' => $upn];
    $mailbox = new SqzGraph\Mailbox(new SqzGraph\Authenticator(new SqzGraph\Config($options), $store));
    $importers[$upn] = new SqzGraph\Importer($mailbox, $store, ['max_messages' => $c['max_messages']]);
}

$handlerUs = (int) ($c['handler_ms'] * 1000);
$handler = function (SqzGraph\Message $m) use ($calls, $gen, $tmp, $handlerUs, &$current): void {
    // the record first, durable before anything else happens
    fwrite($calls, json_encode(['t' => microtime(true), 'w' => (int) $gen, 'mb' => $current, 'id' => $m->id,
        'imid' => $m->internetMessageId], JSON_UNESCAPED_SLASHES) . "\n");
    fsync($calls);
    // what Squeeze does with it, in small: the MIME to a file
    $m->saveMime("$tmp/message.eml");
    if ($handlerUs > 0) {
        usleep($handlerUs);
    }
};

$upns = array_keys($importers);
$n = count($upns);
$offset = random_int(0, $n - 1);     // workers start at different mailboxes
$current = null;
for ($pass = 0; ; $pass++) {
    $worked = false;
    for ($k = 0; $k < $n; $k++) {
        if (is_file($c['stop_file'])) {
            $event(['ev' => 'stop']);
            exit(0);
        }
        $current = $upns[($offset + $k) % $n];
        try {
            $r = $importers[$current]->run($handler);
            $worked = $worked || $r->imported + $r->failed + $r->resumed + $r->vanished > 0;
            if (!$r->locked) {
                $event(['ev' => 'run', 'mb' => $current, 'imported' => $r->imported, 'failed' => $r->failed,
                    'deferred' => $r->deferred, 'vanished' => $r->vanished, 'resumed' => $r->resumed,
                    'aborted' => $r->aborted, 's' => round($r->seconds, 4)]);
            } else {
                $event(['ev' => 'locked', 'mb' => $current]);
            }
        } catch (SqzGraph\ReauthenticationRequiredException $e) {
            $event(['ev' => 'reauth', 'mb' => $current, 'class' => get_class($e), 'message' => $e->getMessage()]);
            usleep(200000);
        } catch (Throwable $e) {
            $event(['ev' => 'error', 'mb' => $current, 'class' => get_class($e), 'message' => $e->getMessage()]);
            usleep(200000);
        }
    }
    if (!$worked) {
        usleep(50000);   // a pass with nothing to do (every mailbox empty or another worker's): poll, don't spin
    }
}
