--TEST--
Config logger: a PSR-3 logger object (public log($level, $message, $context)) receives the same lines as a callable; invokable objects stay callables; objects without a usable log() are refused
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';

// The shape of Psr\Log\LoggerInterface::log() (psr/log 3), without the package.
abstract class Psr3Base
{
    public array $lines = [];
    public function log($level, string|\Stringable $message, array $context = []): void
    {
        $this->lines[] = [$level, (string) $message, $context];
    }
}
final class MyPsr3Logger extends Psr3Base
{
}
final class InvokableWithLog
{
    public array $via = [];
    public function __invoke(string $level, string $message, array $context): void { $this->via[] = 'invoke'; }
    public function log($level, $message, array $context = []): void { $this->via[] = 'log'; }
}
final class StaticLog
{
    public static function log($level, $message, array $context = []): void {}
}
final class PrivateLog
{
    private function log($level, $message, array $context = []): void {}
}

$t = MockTenant::start('basic');
$psr = new MyPsr3Logger();
[$a, $store] = sqz_auth($t, ['logger' => $psr, 'max_retries' => 1]);
sqz_sign_in($a, $t);
sqz_make_stale($store);
$a->accessToken();
echo 'PSR-3 lines: ', count($psr->lines), "\n";
foreach ($psr->lines as [$level, $message, $context]) {
    printf("%s %s %s\n", $level, str_contains($message . json_encode($context), '/oauth2/v2.0/token') ? 'token-path' : '?',
        is_array($context) ? 'context' : '?');
}
$rec = sqz_record($store);
$all = json_encode($psr->lines);
show('no secret', !str_contains($all, SECRET) && !str_contains($all, $rec['access_token']) && !str_contains($all, $rec['refresh_token']));
show('kept as given', (new SqzGraph\Config(sqz_options($t, ['logger' => $psr])))->toArray()['logger'] === $psr);

$inv = new InvokableWithLog();
[$a2, $store2] = sqz_auth($t, ['logger' => $inv, 'max_retries' => 1]);
sqz_sign_in($a2, $t);
echo 'invokable: ', implode(',', array_unique($inv->via)), "\n";

foreach (['static log()' => new StaticLog(), 'private log()' => new PrivateLog(), 'no log()' => new stdClass()] as $name => $bad) {
    try {
        new SqzGraph\Config(sqz_options($t, ['logger' => $bad]));
        echo "$name: accepted\n";
    } catch (SqzGraph\ConfigException $e) {
        echo "$name: ", $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
PSR-3 lines: 2
debug token-path context
debug token-path context
no secret: true
kept as given: true
invokable: invoke
static log(): logger must be of type ?callable (or a PSR-3 logger object with a public log() method), StaticLog given
private log(): logger must be of type ?callable (or a PSR-3 logger object with a public log() method), PrivateLog given
no log(): logger must be of type ?callable (or a PSR-3 logger object with a public log() method), stdClass given
