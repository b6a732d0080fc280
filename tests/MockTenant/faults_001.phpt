--TEST--
Fault injection: 429 Retry-After verbatim, 503, drop, truncate, invalid JSON, HTML 502, nth/times, delete_message, gzip
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$tok = appToken($t);
$path = '/users/' . rawurlencode(ADMIN) . '/mailFolders/inbox/messages';
$get = fn (array $h = [], array $o = []) => $t->http('GET', $t->graph . $path, array_merge(["Authorization: Bearer $tok"], $h), null, $o);
$t->fault(['path' => 'inbox/messages$', 'status' => 429, 'retry_after' => '2.5', 'times' => 1]);
$r = $get();
show('429', [$r['status'], $r['headers']['retry-after'], $r['json']['error']['code'], $r['json']['error']['innerError']['code'] ?? null]);
show('next ok', $get()['status']);
$t->fault(['path' => 'inbox/messages$', 'status' => 429, 'retry_after' => 'Wed, 21 Oct 2015 07:28:00 GMT', 'times' => 1]);
show('http-date', $get()['headers']['retry-after']);
$t->fault(['path' => 'inbox/messages$', 'status' => 503, 'times' => 1]);
$r = $get();
show('503', [$r['status'], isset($r['headers']['retry-after']), $r['json']['error']['code'], isset($r['headers']['date'])]);
$t->fault(['path' => 'inbox/messages$', 'action' => 'drop', 'times' => 1]);
$r = $get();
show('drop', [$r['status'], $r['errno'], $r['body']]);
$t->fault(['path' => 'inbox/messages$', 'action' => 'truncate', 'times' => 1]);
$r = $get();
show('truncate', [$r['status'], $r['errno']]);
$t->fault(['path' => 'inbox/messages$', 'action' => 'invalid_json', 'times' => 1]);
$r = $get();
show('invalid_json', [$r['status'], $r['errno'], $r['json'], str_starts_with($r['headers']['content-type'], 'application/json')]);
$t->fault(['path' => 'inbox/messages$', 'action' => 'html', 'status' => 502, 'times' => 1]);
$r = $get();
show('html', [$r['status'], $r['headers']['content-type'], str_contains($r['body'], '502 Bad Gateway')]);
$t->fault(['path' => 'inbox/messages$', 'status' => 500, 'nth' => 2, 'times' => 2]);
show('nth=2 times=2', [$get()['status'], $get()['status'], $get()['status'], $get()['status']]);
$t0 = microtime(true);
$t->fault(['path' => 'inbox/messages$', 'action' => 'delay', 'delay_ms' => 400, 'times' => 1]);
show('delay', [$get()['status'], microtime(true) - $t0 >= 0.4]);
show('faults listed', array_map(fn ($f) => [$f['rule']['action'], $f['seen'], $f['fired']], array_slice($t->faults(), -2)));
$t->clearFaults();
// A human deletes a message right after the client listed the Inbox.
$t->fault(['path' => 'inbox/messages', 'action' => 'delete_message', 'subject' => 'Invoice 2', 'times' => 1]);
$list = $get(['Prefer: IdType="ImmutableId"'])['json']['value'];
$victim = array_values(array_filter($list, fn ($m) => $m['subject'] === 'Invoice 2'))[0]['id'];
$g = $t->http('GET', $t->graph . '/users/' . rawurlencode(ADMIN) . '/messages/' . rawurlencode($victim), ["Authorization: Bearer $tok"]);
show('deleted after listing', [count($list), $g['status'], $g['json']['error']['code']]);
$z = $get(['Accept-Encoding: gzip']);
show('gzip', [$z['headers']['content-encoding'], str_starts_with($z['body'], "\x1f\x8b"), count(json_decode(gzdecode($z['body']), true)['value'])]);
$z = $get([], [CURLOPT_ENCODING => '']);
show('gzip decoded by curl', count($z['json']['value']));
$t->fault(['path' => 'inbox/messages$', 'action' => 'gzip_truncated', 'times' => 1]);
$z = $get([], [CURLOPT_ENCODING => '']);
show('gzip_truncated', [$z['status'], $z['json'], strlen($z['body']) > 0]);
$t->fault(['path' => '/mailFolders/inbox$', 'action' => 'drop', 'execute' => true, 'times' => 1]);
show('bad fault', (function () use ($t) { try { $t->fault(['action' => 'explode']); } catch (RuntimeException $e) { return substr($e->getMessage(), 0, 30); } })());
?>
--EXPECT--
429: [429,"2.5","TooManyRequests","429"]
next ok: 200
http-date: 'Wed, 21 Oct 2015 07:28:00 GMT'
503: [503,false,"serviceNotAvailable",true]
drop: [0,52,""]
truncate: [200,18]
invalid_json: [200,0,null,true]
html: [502,"text/html; charset=utf-8",true]
nth=2 times=2: [200,500,500,200]
delay: [200,true]
faults listed: [["status",5,2],["delay",1,1]]
deleted after listing: [5,404,"ErrorItemNotFound"]
gzip: ["gzip",true,4]
gzip decoded by curl: 4
gzip_truncated: [200,null,true]
bad fault: 'control POST faults: HTTP 400 '
