"""Every write of privacy, by concern: the register's requests (recorded, closed), access (the export of a
person's data), deletion (closing an account, its cancellation and its anonymization) and consents."""
