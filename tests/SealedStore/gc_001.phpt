--TEST--
SealedStore: a userland Store that references the SealedStore around it is collected; dropping the SealedStore inside a callback is safe
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
final class CycleStore implements SqzGraph\Store
{
    public ?SqzGraph\Store $outer = null;
    public array $data = [];
    public function get(string $key): ?string { return $this->data[$key] ?? null; }
    public function put(string $key, #[\SensitiveParameter] string $value): void { $this->data[$key] = $value; }
    public function delete(string $key): void { unset($this->data[$key]); }
    public function lock(string $key, float $timeoutSeconds): bool { return true; }
    public function unlock(string $key): void {}
    public function __destruct() { echo "CycleStore destroyed\n"; }
}

$inner = new CycleStore;
$inner->outer = new SqzGraph\SealedStore($inner, 'k');
$inner->outer->put('x', 'y');
var_dump($inner->outer->get('x'));
unset($inner);
$collected = gc_collect_cycles();
echo "collected: ", $collected > 0 ? 'yes' : 'no', "\n";

final class Dropper implements SqzGraph\Store
{
    public function get(string $key): ?string
    {
        // the last outside reference to the SealedStore that called us goes away
        unset($GLOBALS['sealed']);
        gc_collect_cycles();
        return null;
    }
    public function put(string $key, #[\SensitiveParameter] string $value): void {}
    public function delete(string $key): void {}
    public function lock(string $key, float $timeoutSeconds): bool { return true; }
    public function unlock(string $key): void {}
}
$sealed = new SqzGraph\SealedStore(new Dropper, 'k');
var_dump($sealed->get('x'));
var_dump(isset($sealed));
echo "done\n";
?>
--EXPECT--
string(1) "y"
CycleStore destroyed
collected: yes
NULL
bool(false)
done
