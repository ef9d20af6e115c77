package org.huitong.security;

public enum HubRole { ADMIN, OPERATOR, DEPARTMENT_ADMIN, AUDITOR }
