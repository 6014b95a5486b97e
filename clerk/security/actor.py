"""Who is acting: the logged-in operator at a window, and the permission check every service makes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from clerk.errors import ClerkError


class Role(StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    FIELD = "field"
    ADMIN = "admin"


class Permission(StrEnum):
    INTAKE = "intake"  # take in, accept, notify, reject cases
    SEARCH = "search"
    PRINT = "print"
    HANDOUT = "handout"
    QUEUE_CALL = "queue_call"
    REVEAL_PII = "reveal_pii"
    SUPERVISE = "supervise"  # dashboard, audit log, reassign windows
    ADMIN = "admin"  # settings, purge, operators
    FIELD_VISIT = "field_visit"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset({Permission.INTAKE, Permission.SEARCH, Permission.PRINT, Permission.HANDOUT,
                           Permission.QUEUE_CALL, Permission.REVEAL_PII}),
    Role.FIELD: frozenset({Permission.INTAKE, Permission.SEARCH, Permission.PRINT, Permission.FIELD_VISIT,
                           Permission.REVEAL_PII}),
    Role.SUPERVISOR: frozenset({Permission.SEARCH, Permission.PRINT, Permission.SUPERVISE, Permission.REVEAL_PII,
                                Permission.INTAKE, Permission.HANDOUT, Permission.QUEUE_CALL}),
    Role.ADMIN: frozenset(Permission),
}

PERMISSION_LABELS = {
    Permission.INTAKE: "受理", Permission.SEARCH: "查询", Permission.PRINT: "打印", Permission.HANDOUT: "出件",
    Permission.QUEUE_CALL: "叫号", Permission.REVEAL_PII: "查看完整个人信息", Permission.SUPERVISE: "大厅监管",
    Permission.ADMIN: "系统管理", Permission.FIELD_VISIT: "上门办",
}


class PermissionDenied(ClerkError, PermissionError):
    def __init__(self, actor: Actor, permission: Permission) -> None:
        super().__init__(f"操作员 {actor.username} 没有“{PERMISSION_LABELS[permission]}”权限")
        self.permission = permission


@dataclass(frozen=True)
class Actor:
    username: str
    display_name: str = ""
    roles: tuple[Role, ...] = (Role.CLERK,)
    window: str = "W01"
    org_code: str = ""
    permissions: frozenset[Permission] = field(default=frozenset(), compare=False)

    def __post_init__(self) -> None:
        perms: set[Permission] = set()
        for r in self.roles:
            perms |= ROLE_PERMISSIONS[Role(r)]
        object.__setattr__(self, "permissions", frozenset(perms))

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def require(self, permission: Permission) -> None:
        if permission not in self.permissions:
            raise PermissionDenied(self, permission)


SYSTEM = Actor("system", "系统", (Role.ADMIN,), window="")
