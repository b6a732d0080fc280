--TEST--
MailboxConcurrency: 5 requests in flight against one mailbox give exactly one 429 ApplicationThrottled; slots are released
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic', ['latency_ms' => 400]);
$tok = appToken($t);
$url = $t->graph . '/users/' . rawurlencode(ADMIN) . '/mailFolders/inbox';
$round = function (int $n, string $u) use ($tok): array {
    $mh = curl_multi_init();
    $hs = [];
    for ($i = 0; $i < $n; $i++) {
        $h = curl_init($u);
        curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_HTTPHEADER => ["Authorization: Bearer $tok"], CURLOPT_HEADER => true]);
        curl_multi_add_handle($mh, $h);
        $hs[] = $h;
    }
    do {
        curl_multi_exec($mh, $running);
        curl_multi_select($mh, 0.05);
    } while ($running);
    $out = [];
    foreach ($hs as $h) {
        $raw = curl_multi_getcontent($h);
        $status = curl_getinfo($h, CURLINFO_RESPONSE_CODE);
        $body = json_decode(substr($raw, curl_getinfo($h, CURLINFO_HEADER_SIZE)), true);
        $out[] = [$status, $body['error']['code'] ?? null, $body['error']['message'] ?? null,
            preg_match('/^Retry-After: (\S+)/mi', $raw, $m) ? $m[1] : null];
        curl_multi_remove_handle($mh, $h);
    }
    return $out;
};
$r = $round(5, $url);
$throttled = array_values(array_filter($r, fn ($x) => $x[0] === 429));
show('5 in flight', [count(array_filter($r, fn ($x) => $x[0] === 200)), count($throttled)]);
show('the 429', $throttled[0] ?? null);
$r = $round(4, $url);
show('4 in flight', array_column($r, 0));
// Errors release their slot too: 4 failing requests, then 4 good ones (a leaked slot would stay taken).
$t->setLatency(0);
$round(4, $url . '/nosuchsegment');
show('after errors', array_column($round(4, $url), 0));
show('log', count(array_filter($t->requests(), fn ($e) => $e['status'] === 429)));
// The requests-per-window knob (off by default): 2 per hour, the third is throttled.
$t->settings(['rate_limit' => ['requests' => 2, 'window_seconds' => 3600]]);
$r = array_map(fn () => $t->graphGet($tok, '/users/' . rawurlencode(ADMIN) . '/mailFolders/inbox'), [1, 2, 3]);
show('rate limit', [$r[0]['status'], $r[1]['status'], $r[2]['status'], $r[2]['json']['error']['code'], (int) $r[2]['headers']['retry-after'] > 0]);
?>
--EXPECT--
5 in flight: [4,1]
the 429: [429,"ApplicationThrottled","Application is over its MailboxConcurrency limit.","1"]
4 in flight: [200,200,200,200]
after errors: [200,200,200,200]
log: 1
rate limit: [200,200,429,"ApplicationThrottled",true]
