--TEST--
Mailbox::resolveFolder(): a name matching several folders throws AmbiguousFolderException listing every path (message and candidates()); a path picks one
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('german');
$m = mb_german($t);
foreach (['Fehler', 'fehler', 'FEHLER'] as $spec) {
    $e = mb_catch(fn () => $m->resolveFolder($spec));
    echo get_class($e), ' ', json_encode($e->candidates(), JSON_UNESCAPED_SLASHES), "\n";
}
echo $e->getMessage(), "\n";
show('message names both', str_contains($e->getMessage(), "'Fehler'") && str_contains($e->getMessage(), "'Posteingang/Fehler'"));
show('is a SqzGraph\Exception and RuntimeException', $e instanceof SqzGraph\Exception && $e instanceof RuntimeException);
// A third one, deeper: every match is listed.
$t->addFolder(BUCHHALTUNG, 'Fehler', 'Posteingang/Lieferanten');
$e = mb_catch(fn () => $m->resolveFolder('Fehler'));
show('three', $e->candidates());
echo $m->resolveFolder('Posteingang/Fehler')->path, "\n";
echo $m->resolveFolder('/Fehler')->path, "\n";
echo $m->resolveFolder('Posteingang/Lieferanten/Fehler')->path, "\n";
?>
--EXPECT--
SqzGraph\AmbiguousFolderException ["Fehler","Posteingang/Fehler"]
SqzGraph\AmbiguousFolderException ["Fehler","Posteingang/Fehler"]
SqzGraph\AmbiguousFolderException ["Fehler","Posteingang/Fehler"]
folder 'FEHLER' is ambiguous: 2 folders have that name: 'Fehler', 'Posteingang/Fehler'; configure the full path of the one you mean
message names both: true
is a SqzGraph\Exception and RuntimeException: true
three: ["Fehler","Posteingang/Fehler","Posteingang/Lieferanten/Fehler"]
Posteingang/Fehler
Fehler
Posteingang/Lieferanten/Fehler
