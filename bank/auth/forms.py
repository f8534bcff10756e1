"""Sign-in form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length

from bank.auth.password_rules import MAX_LENGTH


class LoginForm(FlaskForm):
    """E-mail and password."""

    email = EmailField(
        "E-mail",
        validators=[
            DataRequired("Skriv din e-mail."),
            Length(max=254, message="En e-mailadresse har højst 254 tegn."),
        ],
    )
    password = PasswordField(
        "Adgangskode",
        validators=[
            DataRequired("Skriv din adgangskode."),
            Length(max=MAX_LENGTH, message=f"En adgangskode har højst {MAX_LENGTH} tegn."),
        ],
    )
