--TEST--
Mailbox::__construct(): a second construction is refused; value classes cannot be created from PHP
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$config = new SqzGraph\Config(['flow' => 'client_credentials', 'tenant_id' => TENANT, 'client_id' => CLIENT,
    'client_secret' => SECRET, 'mailbox' => ADMIN, 'authority' => 'http://127.0.0.1:9', 'graph_endpoint' => 'http://127.0.0.1:9/v1.0']);
$a = new SqzGraph\Authenticator($config, new SqzGraph\FileStore(mb_tmp() . '/s'));
$m = new SqzGraph\Mailbox($a);
$e = mb_catch(fn () => $m->__construct($a));
echo get_class($e), ': ', $e->getMessage(), "\n";
foreach (['Folder', 'Message', 'Attachment', 'MessageIterator'] as $c) {
    $e = mb_catch(fn () => new ("SqzGraph\\$c")());
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$r = new ReflectionClass(SqzGraph\Mailbox::class);
show('final', $r->isFinal());
$e = mb_catch(fn () => $r->newInstanceWithoutConstructor()->folders());
echo get_class($e), ': ', $e->getMessage(), "\n";
?>
--EXPECT--
Error: SqzGraph\Mailbox is already constructed
Error: Call to private SqzGraph\Folder::__construct() from global scope
Error: Call to private SqzGraph\Message::__construct() from global scope
Error: Call to private SqzGraph\Attachment::__construct() from global scope
Error: Call to private SqzGraph\MessageIterator::__construct() from global scope
final: true
ReflectionException: Class SqzGraph\Mailbox is an internal class marked as final that cannot be instantiated without invoking its constructor
