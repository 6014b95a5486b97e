"""The case list (案件查询): search, paging, masked personal data."""
