"""Import every model module, so the metadata (Alembic, tests) sees all tables."""

from bank.auth import models as auth_models  # noqa: F401
from bank.auth import tokens as auth_tokens  # noqa: F401
from bank.decisions import models as decisions_models  # noqa: F401
from bank.needs import models as needs_models  # noqa: F401
from bank.offers import models as offers_models  # noqa: F401
from bank.plans import models as courses_models  # noqa: F401
from bank.ranking import learning as ranking_learning  # noqa: F401
from bank.reports import models as reports_models  # noqa: F401
