"""Sign-in form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired


class LoginForm(FlaskForm):
    """E-mail and password."""

    email = EmailField("E-mail", validators=[DataRequired("Skriv din e-mail.")])
    password = PasswordField("Adgangskode", validators=[DataRequired("Skriv din adgangskode.")])
