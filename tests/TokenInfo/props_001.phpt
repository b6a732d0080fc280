--TEST--
TokenInfo: final, exactly the SPEC's read-only properties with their types, and expiresAt()
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--FILE--
<?php
$rc = new ReflectionClass(SqzGraph\TokenInfo::class);
var_dump($rc->isFinal());
foreach ($rc->getProperties() as $p) {
    printf("%s %s%s%s\n", $p->isPublic() ? 'public' : 'non-public', $p->isReadOnly() ? 'readonly ' : '', $p->getType(), ' $' . $p->getName());
}
$m = $rc->getMethod('expiresAt');
echo 'expiresAt(): ', $m->getReturnType(), ', ', $m->getNumberOfParameters(), " parameters\n";
echo 'public methods: ', implode(', ', array_map(fn ($m) => $m->getName(), $rc->getMethods(ReflectionMethod::IS_PUBLIC))), "\n";
?>
--EXPECT--
bool(true)
public readonly bool $authorized
public readonly bool $needsReauthorization
public readonly ?string $reason
public readonly ?string $errorCode
public readonly ?int $expiresAt
public readonly ?int $obtainedAt
public readonly ?string $account
public readonly array $scopes
public readonly string $flow
public readonly ?int $refreshTokenExpiresAt
public readonly ?int $lastRefreshAt
public readonly ?string $lastError
public readonly array $warnings
expiresAt(): ?DateTimeImmutable, 0 parameters
public methods: expiresAt
