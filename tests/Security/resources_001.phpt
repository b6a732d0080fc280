--TEST--
Resource limits: 1000 accessToken() and 1000 message() calls, 200 forced token refreshes, 200 MIME downloads and 100 whole Authenticator/Mailbox lifecycles in one process leave no file descriptor, socket or lock file open (the count of /proc/self/fd stays within a small constant)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc';
if (!is_dir('/proc/self/fd')) die('skip needs /proc/self/fd'); ?>
--FILE--
<?php
require __DIR__ . '/security.inc';
require __DIR__ . '/../mock-tenant/raw.inc';

$mime = "From: a@b\r\nSubject: x\r\n\r\n" . str_repeat("body\r\n", 2000);
$message = RawServer::json(200, ['id' => 'M1', 'subject' => 'hello', 'receivedDateTime' => '2024-01-05T10:00:00Z', 'hasAttachments' => false,
    'from' => ['emailAddress' => ['name' => 'A', 'address' => 'a@b']]]);
$s = RawServer::start([
    ['~^POST /[^/]+/oauth2/v2\.0/token~', RawServer::token(str_repeat('t', 120))],
    ['~/messages/M1/\$value~', RawServer::http(200, ['Content-Type' => 'message/rfc822'], $mime)],
    ['~/messages/M1\?~', $message],
]);
// Under valgrind every request costs far more; the loops stay the same shape.
$n = MockTenant::slowdown() > 1 ? 100 : 1000;
$small = intdiv($n, 5);

function fds(): array
{
    clearstatcache();
    $kinds = ['total' => 0, 'socket' => 0, 'file' => 0];
    foreach (scandir('/proc/self/fd') as $fd) {
        if ($fd === '.' || $fd === '..') {
            continue;
        }
        $target = (string) @readlink("/proc/self/fd/$fd");
        $kinds['total']++;
        $kinds[str_starts_with($target, 'socket:') ? 'socket' : 'file']++;
    }
    return $kinds;
}
function growth(array $before, array $after): string
{
    return implode(' ', array_map(fn ($k) => "$k " . ($after[$k] - $before[$k] <= 2 ? 'ok' : '+' . ($after[$k] - $before[$k])), array_keys($before)));
}

$dir = sec_tmp('res');
$config = new SqzGraph\Config(sec_cc_options($s->base, $s->graph));
$auth = new SqzGraph\Authenticator($config, new SqzGraph\FileStore("$dir/store"));
$mailbox = new SqzGraph\Mailbox($auth);
$auth->accessToken();               // warm-up: the token, the HTTP stack, the first connection
$mailbox->message('M1');
$mailbox->saveMime('M1', "$dir/warm.eml");

$base = fds();
for ($i = 0; $i < $n; $i++) {
    $auth->accessToken();
}
echo "accessToken() x$n: ", growth($base, fds()), "\n";

for ($i = 0; $i < $n; $i++) {
    $mailbox->message('M1');
}
echo "message() x$n: ", growth($base, fds()), "\n";

for ($i = 0; $i < $small; $i++) {
    $auth->refresh(true);
}
echo "refresh(true) x$small: ", growth($base, fds()), "\n";

for ($i = 0; $i < $small; $i++) {
    $mailbox->saveMime('M1', "$dir/m.eml");
    $h = fopen('php://temp', 'w+');
    $mailbox->saveMime('M1', $h);
    fclose($h);
}
echo "saveMime() x", 2 * $small, ": ", growth($base, fds()), ", bytes ", filesize("$dir/m.eml") === strlen($mime) ? 'ok' : '?', "\n";

for ($i = 0; $i < intdiv($small, 2); $i++) {
    $a = new SqzGraph\Authenticator(new SqzGraph\Config(sec_cc_options($s->base, $s->graph)), new SqzGraph\FileStore("$dir/store$i"));
    $m = new SqzGraph\Mailbox($a);
    $m->message('M1');
    try {
        $m->message('nope');
    } catch (SqzGraph\GraphException $e) {
    }
    unset($a, $m, $e);
}
echo "Authenticator+Mailbox lifecycles x", intdiv($small, 2), ": ", growth($base, fds()), "\n";
echo "requests served: ", count($s->requests()) >= 2 * $small + $n + $small ? 'all' : count($s->requests()), "\n";
?>
--EXPECTF--
accessToken() x%d: total ok socket ok file ok
message() x%d: total ok socket ok file ok
refresh(true) x%d: total ok socket ok file ok
saveMime() x%d: total ok socket ok file ok, bytes ok
Authenticator+Mailbox lifecycles x%d: total ok socket ok file ok
requests served: all
