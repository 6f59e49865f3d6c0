"""A counter per topic of data, bumped by every transaction that writes the topic's tables."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class DataGeneration(SQLModel, table=True):
    """How many committed transactions have written a topic (roster, duties, reports)."""

    __tablename__ = "data_generation"

    topic: str = Field(primary_key=True, max_length=32)
    value: int = Field(default=0, sa_type=sa.BigInteger())
