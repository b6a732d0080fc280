--TEST--
Exception tree: marker interface, SPL parents, final leaves
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; ?>
--FILE--
<?php
$classes = [
    'ConfigException', 'StoreException', 'TransportException', 'GraphException',
    'ThrottledException', 'AuthorizationException', 'ReauthenticationRequiredException',
    'FolderNotFoundException', 'AmbiguousFolderException', 'RetryLaterException',
];
var_dump(interface_exists('SqzGraph\Exception'));
var_dump(is_subclass_of('SqzGraph\Exception', 'Throwable'));
foreach ($classes as $short) {
    $c = new ReflectionClass("SqzGraph\\$short");
    printf("%s < %s%s%s\n", $short, $c->getParentClass()->getName(),
        $c->implementsInterface('SqzGraph\Exception') ? ' +marker' : ' NO MARKER',
        $c->isFinal() ? ' final' : '');
}
--EXPECT--
bool(true)
bool(true)
ConfigException < InvalidArgumentException +marker final
StoreException < RuntimeException +marker final
TransportException < RuntimeException +marker final
GraphException < RuntimeException +marker
ThrottledException < SqzGraph\GraphException +marker final
AuthorizationException < RuntimeException +marker
ReauthenticationRequiredException < SqzGraph\AuthorizationException +marker final
FolderNotFoundException < RuntimeException +marker final
AmbiguousFolderException < RuntimeException +marker final
RetryLaterException < RuntimeException +marker
