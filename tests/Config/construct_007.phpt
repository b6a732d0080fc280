--TEST--
Config: logger accepts any public callable, is kept as given and reported to the cycle collector
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
class Sink {
    public array $lines = [];
    public function __invoke(string $level, string $message, array $context): void { $this->lines[] = $message; }
    public function log(string $level, string $message, array $context): void {}
    public static function slog(string $level, string $message, array $context): void {}
    private function hidden(string $level, string $message, array $context): void {}
    public function closure(): Closure { return $this->hidden(...); }
}
function my_logger(string $level, string $message, array $context): void {}
$sink = new Sink;
foreach ([
    'closure' => fn($l, $m, $c) => null,
    'function name' => 'my_logger',
    'static method string' => 'Sink::slog',
    'array callable' => [$sink, 'log'],
    'invokable' => $sink,
    'first-class callable of a private method' => $sink->closure(),
] as $name => $logger) {
    $a = (new SqzGraph\Config(base_options(['logger' => $logger])))->toArray();
    echo $name, ': ', $a['logger'] === $logger ? 'same' : 'DIFFERENT', "\n";
}
var_dump((new SqzGraph\Config(base_options(['logger' => null])))->toArray()['logger']);

// A closure that holds the Config forms a cycle the collector must see.
gc_collect_cycles();
$holder = new stdClass;
$config = new SqzGraph\Config(base_options(['logger' => function ($l, $m, $c) use ($holder) { return $holder; }]));
$holder->config = $config;
$weak = WeakReference::create($config);
unset($config, $holder);
var_dump($weak->get() !== null);
var_dump(gc_collect_cycles() > 0);
var_dump($weak->get());
?>
--EXPECT--
closure: same
function name: same
static method string: same
array callable: same
invokable: same
first-class callable of a private method: same
NULL
bool(true)
bool(true)
NULL
