"""The session pack and charts: pure renderers over plain DTOs (XLSX, PDF, PNG)."""
