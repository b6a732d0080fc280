--TEST--
$batch fan-out: an unordered batch holds min(4, members) slots of the mailbox, a dependsOn chain 1; members without a slot get an inner 429 MailboxConcurrency with Retry-After; latency once per batch
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic', ['latency_ms' => 1000]);
$tok = appToken($t);
$mb = '/users/' . rawurlencode(ADMIN);
$get = ['method' => 'GET', 'url' => $t->graph . "$mb/mailFolders/inbox"];
$batch = function (int $n, bool $chained) use ($t, $mb): array {
    $reqs = [];
    for ($i = 1; $i <= $n; $i++) {
        $reqs[] = ['id' => (string) $i, 'method' => 'GET', 'url' => "$mb/mailFolders/inbox?\$select=displayName"]
            + ($chained && $i > 1 ? ['dependsOn' => [(string) ($i - 1)]] : []);
    }
    return ['method' => 'POST', 'url' => $t->graph . '/$batch', 'body' => json_encode(['requests' => $reqs])];
};
// $waves: lists of requests; each wave starts 300 ms after the one before, while the earlier ones
// still hold their slots (1 s of latency). Returns [status, member statuses by id] per request.
$run = function (array ...$waves) use ($tok): array {
    $mh = curl_multi_init();
    $all = [];
    foreach ($waves as $k => $wave) {
        foreach ($wave as $r) {
            $h = curl_init($r['url']);
            curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_CUSTOMREQUEST => $r['method'],
                CURLOPT_HTTPHEADER => ["Authorization: Bearer $tok", 'Content-Type: application/json']]
                + (isset($r['body']) ? [CURLOPT_POSTFIELDS => $r['body']] : []));
            curl_multi_add_handle($mh, $h);
            $all[] = $h;
        }
        $until = microtime(true) + ($k < count($waves) - 1 ? 0.3 : 60);
        do {
            curl_multi_exec($mh, $running);
            curl_multi_select($mh, 0.02);
        } while ($running && microtime(true) < $until);
    }
    $out = [];
    foreach ($all as $h) {
        $j = json_decode(curl_multi_getcontent($h), true);
        $members = [];
        foreach ($j['responses'] ?? [] as $m) {
            $members[(int) $m['id']] = $m['status'] === 429
                ? [429, $m['headers']['Retry-After'] ?? null, $m['body']['error']['code'], $m['body']['error']['message']]
                : $m['status'];
        }
        ksort($members);
        $out[] = [curl_getinfo($h, CURLINFO_RESPONSE_CODE), $members];
        curl_multi_remove_handle($mh, $h);
    }
    return $out;
};

// Alone, 20 unordered members fit in the batch's own 4 slots; the latency is spent once.
$t0 = microtime(true);
[$r] = $run([$batch(20, false)]);
show('alone', [$r[0], array_count_values(array_map(fn ($s) => is_array($s) ? $s[0] : $s, $r[1]))]);
show('latency once', microtime(true) - $t0 < 5.0);
show('alone: max in flight', $t->maxInFlight(ADMIN));

// 2 requests hold 2 slots: the batch gets the other 2 of its 4 lanes; lanes 3 and 4 are throttled.
$t->resetMaxInFlight();
$r = $run([$get, $get], [$batch(12, false)]);
show('top-level', [$r[0][0], $r[1][0]]);
show('batch beside 2', $r[2]);
show('max in flight', $t->maxInFlight(ADMIN));

// An unordered batch leaves no slot to a 5th request; a chained one leaves 3.
$r = $run([$batch(6, false)], [$get]);
show('after unordered batch', [$r[0][0], $r[1][0]]);
$r = $run([$batch(4, true)], [$get, $get, $get]);
show('after chained batch', [$r[0][0], $r[0][1], array_column(array_slice($r, 1), 0)]);

// A chained batch needs 1 slot: beside 3 requests it runs; beside 4 its first member is
// throttled and the rest fail their dependency (424).
$r = $run([$get, $get, $get], [$batch(3, true)]);
show('chain beside 3', [array_column(array_slice($r, 0, 3), 0), $r[3]]);
$r = $run([$get, $get, $get, $get], [$batch(3, true)]);
show('chain beside 4', [array_column(array_slice($r, 0, 4), 0), $r[4][0], $r[4][1][1][0], $r[4][1][2], $r[4][1][3]]);

// Two unordered batches at once: the second finds the mailbox full.
$r = $run([$batch(8, false)], [$batch(8, false)]);
$statuses = fn (array $members) => array_values(array_unique(array_map(fn ($s) => is_array($s) ? $s[0] : $s, $members)));
show('second batch', [$r[0][0], $statuses($r[0][1]), $r[1][0], $statuses($r[1][1])]);
// Slots come back: afterwards 4 requests run.
$t->setLatency(0);
show('released', array_column($run([$get, $get, $get, $get]), 0));
$batches = array_values(array_filter($t->requests(), fn ($e) => str_ends_with($e['target'], '/$batch')));
show('log of the second batch', [end($batches)['status'], array_column(end($batches)['members'], 'status')]);
?>
--EXPECT--
alone: [200,{"200":20}]
latency once: true
alone: max in flight: 4
top-level: [200,200]
batch beside 2: [200,{"1":200,"2":200,"3":[429,"1","ApplicationThrottled","Application is over its MailboxConcurrency limit."],"4":[429,"1","ApplicationThrottled","Application is over its MailboxConcurrency limit."],"5":200,"6":200,"7":[429,"1","ApplicationThrottled","Application is over its MailboxConcurrency limit."],"8":[429,"1","ApplicationThrottled","Application is over its MailboxConcurrency limit."],"9":200,"10":200,"11":[429,"1","ApplicationThrottled","Application is over its MailboxConcurrency limit."],"12":[429,"1","ApplicationThrottled","Application is over its MailboxConcurrency limit."]}]
max in flight: 6
after unordered batch: [200,429]
after chained batch: [200,{"1":200,"2":200,"3":200,"4":200},[200,200,200]]
chain beside 3: [[200,200,200],[200,{"1":200,"2":200,"3":200}]]
chain beside 4: [[200,200,200,200],200,429,424,424]
second batch: [200,[200],200,[429]]
released: [200,200,200,200]
log of the second batch: [200,[429,429,429,429,429,429,429,429]]
